// Where things are, stated in passing: “X位于/落户Y区” and “位于Y区的X” (LOCATED_IN; a park in a district:
// WITHIN), “A园区的B公司”, and “X产业链主要布局在A园” (HOSTS). Split from roles.ts, which reads the roles.
import { type Context, chainsBetween } from '../context.js';
import { type Span, sub } from '../text.js';
import type { ExtractedRef } from '../types.js';

/** “X位于Y区” / “位于Y区的X”: a firm, university or institute LOCATED_IN, a park WITHIN the district. */
function located(ctx: Context, s: Span): void {
  const PLACE = '([\\u4e00-\\u9fa5]{2,14}?(?:区|县|市|镇))';
  const forms = [
    new RegExp(
      `([\\u4e00-\\u9fa5（）()、]{2,40})(?:位于|坐落于|坐落在|地处|落户于|落户在|落户|入驻|设在|设于|(?:已|正)?在(?=[\\u4e00-\\u9fa5]{2,14}?(?:区|县|市|镇)(?:建成|投产|建有|设有)))${PLACE}(?=[，,。；的]|建成|投产|建有|设有|$)`,
      'g',
    ),
    /(?:位于|坐落于|坐落在|地处|落户于|落户在|落户|入驻|设在|设于)([\u4e00-\u9fa5]{2,14}?(?:区|县|市|镇|园))的([\u4e00-\u9fa5（）()]{2,40})/g,
  ];
  forms.forEach((re, i) => {
    for (const m of s.text.matchAll(re)) {
      const [rawThing, placeName] = i === 0 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
      // “A公司的生产基地位于Y” / “总部和生产基地均位于Y”: the firm's sites are where the firm is
      const thingText = rawThing
        .replace(/的?(?:总部|生产基地|基地|工厂)(?:和|及)?(?:总部|生产基地|基地|工厂)?(?:均|都|也)?$/, '')
        .replace(/等(?:企业|项目|单位)?$/, '')
        .replace(/(?:已|正|已经)$/, '');
      // “A、B等企业落户Y”: every known name of the list; else the one the words end (or start) with
      const known = ['District', 'Enterprise', 'Institute', 'University'].flatMap((label) =>
        ctx.collector.nodesOf(label),
      );
      const listed = i === 0 && thingText.includes('、') ? thingText.split('、') : [thingText];
      const things = listed
        .map(
          (part, k) =>
            known
              .filter((r) =>
                k === listed.length - 1 && k === 0
                  ? i === 0
                    ? part.endsWith(r.name)
                    : part.startsWith(r.name)
                  : k === 0
                    ? part.endsWith(r.name)
                    : part === r.name,
              )
              .sort((a, b) => b.name.length - a.name.length)[0] ??
            // “总部设在Y区的X产业链链主企业A公司”: the firm the words after 的 end with
            (i === 1
              ? known
                  .filter((r) => r.label === 'Enterprise' && part.includes(r.name) && part.indexOf(r.name) <= 20)
                  .sort((a, b) => part.indexOf(a.name) - part.indexOf(b.name))[0]
              : undefined),
        )
        .filter((r): r is ExtractedRef => !!r);
      // “A公司是…链主企业，总部位于Y”: the firm the sentence named before
      // (“…，公司总部位于Y” / “该企业位于Y”: a pointer to that firm, in this sentence or just before it)
      if (!things.length && i === 0 && /^(?:该|其|这家)?(?:公司|企业|集团)?$/.test(thingText)) {
        const before = ctx.text.slice(Math.max(0, s.start - (thingText ? 120 : 0)), s.start + m.index!);
        const firm = ctx.collector
          .nodesOf('Enterprise')
          .filter((f) => before.includes(f.name))
          .sort((a, b) => before.lastIndexOf(b.name) - before.lastIndexOf(a.name))[0];
        if (firm) things.push(firm);
      }
      if (!things.length || /^(?:核心|承载|集聚|示范|园)/.test(placeName)) continue;
      if (/和|、/.test(placeName)) continue; // “分别位于A和B”: pairedSites reads it
      const quote = sub(s, m.index!, m.index! + m[0].length);
      const place = ctx.collector.node('District', placeName, quote, 'place after 位于/落户/坐落', 0.7, {
        kind: /市$/.test(placeName) ? 'city' : 'district',
      });
      for (const thing of things) {
        if (thing.label === 'District')
          ctx.collector.rel('WITHIN', thing, place, quote, '“X位于Y” (a park in a district) → WITHIN', 0.75);
        else ctx.collector.rel('LOCATED_IN', thing, place, quote, '“X位于/落户Y” → LOCATED_IN', 0.75);
      }
    }
  });
}

/** “A、B分别位于X和Y” / “两家企业分别位于X和Y”: each firm in its place, in order. */
function pairedSites(ctx: Context, s: Span): void {
  const m =
    /分别(?:位于|坐落于|落户于?|设在)((?:[\u4e00-\u9fa5]{2,14}?(?:区|县|市|镇|园)[、和及])+[\u4e00-\u9fa5]{2,14}?(?:区|县|市|镇|园))(?=[，,。；]|$)/.exec(
      s.text,
    );
  if (!m) return;
  const places = m[1]!.split(/[、和及]/);
  const firms = ctx.collector.nodesOf('Enterprise');
  const before = s.text.slice(0, m.index);
  // the firms of this sentence before 分别, else (两家企业/二者) the last ones named before it
  let named = firms
    .filter((f) => before.includes(f.name))
    .sort((a, b) => before.indexOf(a.name) - before.indexOf(b.name));
  if (!named.length && /(?:两|二|三|几)(?:家|者)/.test(before)) {
    const earlier = ctx.text.slice(Math.max(0, s.start - 200), s.start);
    named = firms
      .filter((f) => earlier.includes(f.name))
      .sort((a, b) => earlier.lastIndexOf(a.name) - earlier.lastIndexOf(b.name))
      .slice(-places.length);
  }
  if (named.length !== places.length) return;
  const quote = sub(s, 0, m.index + m[0].length);
  named.forEach((firm, k) => {
    const place = ctx.collector.node('District', places[k]!, quote, 'place after 分别位于', 0.7, {
      kind: /市$/.test(places[k]!) ? 'city' : 'district',
    });
    ctx.collector.rel('LOCATED_IN', firm, place, quote, '“A、B分别位于X和Y” → LOCATED_IN', 0.75);
  });
}

/** “A开发区的B有限公司”: a firm written with the zone or park it is in. */
function zoneFirms(ctx: Context, s: Span): void {
  const zones = ctx.collector.nodesOf('District').filter((d) => /(?:区|园)$/.test(d.name) && d.name.length > 3);
  for (const zone of zones) {
    for (const firm of ctx.collector.nodesOf('Enterprise')) {
      const at = s.text.indexOf(`${zone.name}的${firm.name}`);
      if (at < 0) continue;
      const quote = sub(s, at, at + zone.name.length + 1 + firm.name.length);
      ctx.collector.rel('LOCATED_IN', firm, zone, quote, '“A园区的B公司” → LOCATED_IN', 0.7);
    }
  }
}

/** “X产业链主要布局在A园”: the park hosts the chains named before. */
function layout(ctx: Context, s: Span): void {
  for (const m of s.text.matchAll(
    /(?:产业链|链)(?:主要|重点)?(?:布局在|布局于|集聚在|集聚于|集中在)([\u4e00-\u9fa5]{2,16}?(?:区|园))(?=[，,。；、和]|$)/g,
  )) {
    const clauseStart = Math.max(s.text.lastIndexOf('，', m.index!), s.text.lastIndexOf('；', m.index!)) + 1;
    const chains = chainsBetween(ctx, s.start + clauseStart, s.start + m.index! + 3);
    if (!chains.length) continue;
    const quote = sub(s, clauseStart, m.index! + m[0].length);
    const place =
      ctx.collector.hasNode('District', m[1]!) ??
      ctx.collector.node('District', m[1]!, quote, 'place after 布局在', 0.7, {
        kind: /园$/.test(m[1]!) ? 'park' : 'zone',
      });
    for (const chain of chains)
      ctx.collector.rel('HOSTS', place, chain, quote, '“X产业链主要布局在A” → HOSTS', 0.75, { role: '布局' });
  }
}

export function extractLocations(ctx: Context, s: Span): void {
  located(ctx, s);
  pairedSites(ctx, s);
  zoneFirms(ctx, s);
  layout(ctx, s);
}
