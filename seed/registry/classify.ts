// Places a firm on segments from its 经营范围 (split into items of the 一般项目/许可项目 wording or the older
// free text), 所属行业 (GB/T 4754 codes and names), and name; tags never place. Lexicon: lexicon.ts.
import type { RegistryContext } from './context.js';
import { ABSORBS, RULES, VETOES } from './lexicon.js';

export interface Placement {
  segmentId: string;
  score: number;
  because: string;
  quote: string;
}

const BOILERPLATE = /[（(](除依法须经批准|依法须经批准|一般经营项目|许可经营项目)[^）)]*[）)]/g;
// An exclusion names what the firm does NOT do: 地产中草药（不含中药饮片）购销 is no 中药饮片 evidence.
const EXCLUSION = /[（(](不含|不包括|不包含|不得|不从事)[^）)]*[）)]/g;

export function scopeItems(scope: string): string[] {
  return (
    scope
      .replace(BOILERPLATE, '；')
      .replace(EXCLUSION, '')
      .replace(/(一般项目|许可项目|一般经营项目|许可经营项目)[：:]/g, '；')
      // Items end at ；/。 only: the older free text lists within an item with 、 and ，
      // (专用汽车、改装汽车的设计、制造与销售), and a rule must see the whole item.
      .split(/[；;。\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
  );
}

/** A second placement's score must reach this share of the first's (tuned on the dev set). */
export const SECOND_RATIO = 0.9;

const compiled = RULES.map((rule) => ({ ...rule, re: new RegExp(rule.pattern) }));
const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The rules for one program: the lexicon's, plus, for a chain the lexicon does not know at all (another
 * city's program), rules from its segments' own names and aliases, weak enough to stay proposals.
 */
const rulesByContext = new WeakMap<RegistryContext, typeof compiled>();
function rulesFor(ctx: RegistryContext): typeof compiled {
  const cached = rulesByContext.get(ctx);
  if (cached) return cached;
  const curated = new Set<string | null>();
  for (const rule of compiled) if (ctx.segments.has(rule.segment)) curated.add(ctx.segments.get(rule.segment)!.chain);
  const derived = [...ctx.segments.values()]
    .filter((seg) => !curated.has(seg.chain))
    .flatMap((seg) =>
      [seg.name, ...seg.aliases]
        .filter((w) => w.length >= 2)
        .flatMap((w) => [
          { segment: seg.id, pattern: escapeRe(w), field: 'scope' as const, weight: 0.6 },
          { segment: seg.id, pattern: escapeRe(w), field: 'name' as const, weight: 0.3 },
        ]),
    )
    .map((rule) => ({ ...rule, re: new RegExp(rule.pattern) }));
  const rules = [...compiled.filter((rule) => ctx.segments.has(rule.segment)), ...derived];
  rulesByContext.set(ctx, rules);
  return rules;
}
const vetoes = VETOES.map((v) => ({ ...v, re: new RegExp(v.pattern) }));

interface Evidence {
  weights: number[];
  words: string[];
  quotes: string[];
}

export function classify(
  ctx: RegistryContext,
  firm: { name: string; scope: string; industry: string },
  floor: number,
): Placement[] {
  const items = scopeItems(firm.scope);
  const found = new Map<string, Evidence>();
  const add = (seg: string, w: number, word: string, quote?: string) => {
    const e = found.get(seg) ?? { weights: [], words: [], quotes: [] };
    e.weights.push(w);
    e.words.push(word);
    if (quote && !e.quotes.includes(quote)) e.quotes.push(quote);
    found.set(seg, e);
  };
  for (const rule of rulesFor(ctx)) {
    if (rule.field === 'scope') {
      const item = items.find((it) => rule.re.test(it));
      if (item) add(rule.segment, rule.weight, `经营范围 "${item.match(rule.re)?.[0]}"`, item);
    } else {
      const text = rule.field === 'name' ? firm.name : firm.industry;
      const m = text.match(rule.re);
      if (m) add(rule.segment, rule.weight, `${rule.field === 'name' ? '企业名称' : '所属行业'} "${m[0]}"`);
    }
  }
  const vetoText = `${firm.name} ${firm.industry} ${items.slice(0, 2).join(' ')}`;
  for (const v of vetoes)
    if (v.re.test(vetoText)) for (const seg of [...found.keys()]) if (v.segments.test(seg)) found.delete(seg);
  // A child's evidence absorbs its parent's: the finest segment is placed, with both reasons.
  for (const [seg, e] of [...found]) {
    const parent = ctx.segments.get(seg)?.parent;
    const pe = parent ? found.get(parent) : undefined;
    if (parent && pe) {
      e.weights.push(...pe.weights);
      e.words.push(...pe.words);
      e.quotes.push(...pe.quotes.filter((q) => !e.quotes.includes(q)));
    }
  }
  for (const seg of [...found.keys()]) {
    const parent = ctx.segments.get(seg)?.parent;
    if (parent) found.delete(parent);
  }
  let out: Placement[] = [...found].map(([segmentId, e]) => ({
    segmentId,
    score: Math.round((1 - e.weights.reduce((p, w) => p * (1 - w), 1)) * 100) / 100,
    because: e.words.join(' + '),
    quote: e.quotes.join('；'),
  }));
  out = out.filter(
    (p) =>
      !ABSORBS.some(
        (a) =>
          a.absorbed.test(p.segmentId) && out.some((q) => a.by.test(q.segmentId) && (a.always || q.score > p.score)),
      ),
  );
  out.sort((a, b) => b.score - a.score);
  // A second segment stays only when nearly as strong as the first: a producer's own sales licence
  // (药品批发), a vehicle maker's parts item or a chip house's 软件开发 are not a second business.
  out = out.filter((p, i) => i === 0 || (i < 2 && p.score >= out[0].score * SECOND_RATIO));
  // Two fields compete: a reviewer decides, so neither is confident.
  if (out.length === 2 && ctx.segments.get(out[0].segmentId)?.level1 !== ctx.segments.get(out[1].segmentId)?.level1)
    out = out.map((p) => ({ ...p, score: Math.round(p.score * 0.85 * 100) / 100 }));
  return out.filter((p) => p.score >= floor);
}
