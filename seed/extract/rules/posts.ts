// Posts (Leader), office-holders (Person + HOLDS) and the roles between posts and chains or the program:
// 总链长/高位统筹 → COORDINATES, 包保 → PATRON_OF, 链长 → OWNER_OF; “分别” pairs two lists in order.
// Posts are written without the city prefix; 市委、市政府主要领导 is two posts, 党组书记、主任 two offices.
import { type Context, chainFor, lineChain } from '../context.js';
import { COMPOUND_SURNAMES, SURNAMES } from '../lexicon.js';
import { findPosts, POST_START, type Post, principalPosts, rank } from './post-titles.js';
import { type Span, clauseRange, sub } from '../text.js';
import type { ExtractedRef } from '../types.js';

const PERSON_RE = new RegExp(
  `((?:${COMPOUND_SURNAMES})[\\u4e00-\\u9fa5]{1,2}?|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?)(?=[，,、。；;等在表说指主强介讲到会参陪和与共同担兼任出分率带作挂包牵领督告回透称通及）)\\s]|$)`,
  'y',
);

/** A second name after 、 (副市长甲、乙出席): as long as the words after it allow. */
const SECOND_NAME = new RegExp(
  `^((?:${COMPOUND_SURNAMES})[\\u4e00-\\u9fa5]{1,2}|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2})(?=[出参陪等和及在，,。；;）)]|$)`,
);

/** Words of the genre that start with a surname character but are never a person (包保, 分管, 牵头…). */
const NOT_A_NAME = /^(?:包保|分管|牵头|负责|担任|兼任|共同|分别|同志|主要|常务|带队|率队|陪同|调研|出席|任|高位)/;

function leaderRef(ctx: Context, post: Post, span: Span): ExtractedRef {
  return ctx.collector.node('Leader', post.title, span, 'post title (职务)', 0.85, {
    title: post.title,
    ...(post.body ? { body: post.body } : {}),
  });
}

/** Chains named in a span, in order of first mention. */
function chainsIn(ctx: Context, from: number, to: number): ExtractedRef[] {
  const seen = new Map<string, ExtractedRef>();
  for (const m of ctx.chainMentions) if (m.at >= from && m.at < to && !seen.has(m.ref.id)) seen.set(m.ref.id, m.ref);
  return [...seen.values()];
}

function roleRelations(ctx: Context, s: Span, posts: Post[], holders: Map<Post, string>): void {
  const t = s.text;
  const c = ctx.collector;
  // each 总链长 / 副总链长 / 高位统筹: the posts of its own clause before it coordinate the program
  for (const m of ctx.program ? t.matchAll(/(?:副)?总链长|高位统筹|总召集人/g) : []) {
    const at = m.index!;
    const clauseStart = Math.max(t.lastIndexOf('，', at), t.lastIndexOf(',', at), t.lastIndexOf('；', at)) + 1;
    for (const p of posts.filter((q) => q.start >= clauseStart && q.end <= at)) {
      const span = clauseRange(s, p.start, at + m[0].length - 1);
      c.rel('COORDINATES', leaderRef(ctx, p, span), ctx.program!, span, `${m[0]} → COORDINATES`, 0.85);
    }
    // “总链长：甲（市委书记）” / “总链长为市长”: the posts after it, the principal one of a named person
    const after = /^(?:为|是|由|[：:])/.exec(t.slice(at + m[0].length));
    if (after && !posts.some((q) => q.start >= clauseStart && q.end <= at)) {
      const rest = t.slice(at + m[0].length);
      const clauseEnd = at + m[0].length + (/[，,；;。]/.exec(rest)?.index ?? rest.length);
      const named = principalPosts(
        posts.filter((q) => q.start > at && q.end <= clauseEnd),
        holders,
      );
      for (const p of named) {
        const span = clauseRange(s, at, p.end);
        c.rel('COORDINATES', leaderRef(ctx, p, span), ctx.program!, span, `${m[0]}：post → COORDINATES`, 0.8);
      }
    }
  }
  for (const [word, type] of [
    ['包保', 'PATRON_OF'],
    ['链长', 'OWNER_OF'],
  ] as const) {
    const re = new RegExp(word === '链长' ? '(?<![总副])链长(?!制)' : word, 'g');
    for (const m of t.matchAll(re)) {
      const at = m.index!;
      // 链长 as an object (协助链长, 向链长汇报) names nobody's role
      if (type === 'OWNER_OF' && /(?:协助|配合|向|对接|服务|支持|当好|做好|跟踪)$/.test(t.slice(0, at))) continue;
      // 1) “X产业链链长 + person”: the person's principal post owns X
      if (type === 'OWNER_OF') {
        // the post may stand before the name or, in an annex (链长：甲（副市长）), in brackets after it
        const person = [...holders.entries()];
        const colon = /^[：:]/.test(t.slice(at + 2)) ? 1 : 0;
        const after = /^([\u4e00-\u9fa5]{2,4})/.exec(t.slice(at + 2 + colon));
        const chain = chainsIn(ctx, s.start + Math.max(0, at - 20), s.start + at).at(-1);
        if (chain && after && [...holders.values()].some((n) => after[1]!.startsWith(n))) {
          const name = [...holders.values()].find((n) => after[1]!.startsWith(n))!;
          const held = person.filter(([, n]) => n === name).map(([p]) => p);
          const principal = held.sort((a, b) => rank(a.title) - rank(b.title))[0];
          if (principal) {
            const span = clauseRange(
              s,
              Math.min(principal.start, at),
              Math.max(at + 2 + colon + name.length, principal.end),
            );
            c.rel(
              'OWNER_OF',
              leaderRef(ctx, principal, span),
              chain,
              span,
              '“X产业链链长 + 姓名”: the principal post',
              0.8,
            );
          }
          continue;
        }
      }
      // 2) “X产业链的链长由Y担任”: the posts after 由 own the chains of the clause before
      // (“链长为副市长孙立” / “链长：副市长孙立” / “X产业链链长、副市长李娜” read the same way)
      const by =
        /^(分别|均|都)?由([^，,；;。]{2,40}?)(?:共同)?(?:担任|兼任)/.exec(t.slice(at + word.length)) ??
        new RegExp(`^(分别)?(?:为|是|[：:]|、(?![^，,；;。]*任))((?:${POST_START}).{0,40}?)(?=[，,；;。]|$)`).exec(
          t.slice(at + word.length),
        );
      if (by) {
        const clauseStart = Math.max(t.lastIndexOf('，', at), t.lastIndexOf(',', at), t.lastIndexOf('；', at)) + 1;
        const line = lineChain(ctx, s);
        let chains = chainsIn(ctx, s.start + clauseStart, s.start + at);
        if (!chains.length && line) chains = [line];
        const owners = principalPosts(
          posts.filter((p) => p.start > at && p.end <= at + word.length + by[0].length),
          holders,
        );
        const span = clauseRange(s, clauseStart, at + word.length + by[0].length);
        const paired = by[1] === '分别' && owners.length === chains.length && owners.length > 1;
        owners.forEach((p, i) => {
          for (const chain of paired ? [chains[i]!] : chains)
            c.rel(type, leaderRef(ctx, p, span), chain, span, `“${word}${paired ? '分别' : ''}由…担任”`, 0.75);
        });
        if (owners.length) continue;
      }
      // 3) posts before the role word, chains between them or after; “分别” pairs them in order
      const before = posts.filter((p) => p.end <= at);
      if (!before.length) continue;
      const lastPost = before.at(-1)!;
      let chains = chainsIn(ctx, s.start + lastPost.end, s.start + at);
      // “其余7条产业链由7位副市长分别担任链长”: the listed chains that no post owns yet
      const clauseOpen = Math.max(t.lastIndexOf('，', lastPost.start), t.lastIndexOf('；', lastPost.start)) + 1;
      const rest = /(?:其余|其他|其它|另外|剩余)的?(?:\d+|[一二两三四五六七八九十]+)条/.test(
        t.slice(clauseOpen, lastPost.start),
      );
      if (rest && !chains.length) {
        const owned = c.targetsOf(type);
        chains = [...new Map(ctx.chainMentions.filter((m) => m.listed).map((m) => [m.ref.id, m.ref])).values()].filter(
          (ch) => !owned.has(ch.id),
        );
      }
      // “主任包保电气产业链”: the chains after the role word, within its clause
      const clauseEnd = /[，,；;]/.exec(t.slice(at))?.index ?? t.length - at;
      if (!chains.length) chains = chainsIn(ctx, s.start + at, s.start + at + clauseEnd);
      if (!chains.length) chains = chainsIn(ctx, s.start, s.start + lastPost.start);
      if (!chains.length && /这\d+条|这[一二三四五六七八九十]+条|上述|以上|各条|这些/.test(t.slice(lastPost.end, at))) {
        chains = [...new Map(ctx.chainMentions.filter((m) => m.listed).map((m) => [m.ref.id, m.ref])).values()];
      }
      if (!chains.length) {
        const one = chainFor(ctx, s);
        if (one && /该链|本链|此链/.test(t)) chains = [one];
      }
      if (!chains.length) continue;
      // the posts of the role word's own clause (joined by 、/和 they share it); 分别 lists may span clauses
      const clauseStart = Math.max(t.lastIndexOf('，', at), t.lastIndexOf(',', at), t.lastIndexOf('；', at)) + 1;
      // posts before an earlier role word of the clause had their own (“A任X链长、B任Y链长”)
      const roleRe = new RegExp(word === '链长' ? '(?<![总副])链长(?!制)' : word, 'g');
      const earlier = [...t.slice(clauseStart, at).matchAll(roleRe)].at(-1);
      const from = earlier ? clauseStart + earlier.index! + word.length : clauseStart;
      const inClause = before.filter((p) => p.start >= from);
      // a post in an earlier clause owns nothing here unless 分别 carries the list across clauses
      // (“主席陈刚挂帅鞋业产业链，任链长”: a clause that opens with 任 continues the one before)
      const continues = /^(?:并|同时)?(?:任|担任|兼任)$/.test(t.slice(clauseStart, at).trim());
      if (!inClause.length && !continues && !/分别/.test(t.slice(lastPost.end, at))) continue;
      // “…担任总链长，6位市级领导分别担任链长”: a clause with a subject of its own that is no post
      if (!inClause.length && /(?:\d+|[一二两三四五六七八九十]+)位/.test(t.slice(clauseStart, at))) continue;
      const group = principalPosts(inClause.length ? inClause : [lastPost], holders);
      const paired = /分别/.test(t) && group.length === chains.length && group.length > 1;
      const span = clauseRange(s, Math.min(...group.map((p) => p.start)), at + word.length);
      group.forEach((p, i) => {
        const targets = paired ? [chains[i]!] : chains;
        for (const chain of targets) {
          c.rel(
            type,
            leaderRef(ctx, p, span),
            chain,
            span,
            paired ? `${word}（分别, in order）` : word,
            paired ? 0.8 : 0.75,
          );
        }
      });
    }
  }
}

/** A named person holding posts: Person + HOLDS, remembered as the posts' holder. */
function holds(ctx: Context, name: string, held: Post[], span: Span, holders: Map<Post, string>, rule: string): void {
  const person = ctx.collector.node('Person', name, span, rule, 0.8);
  for (const p of held) {
    holders.set(p, name);
    ctx.collector.rel('HOLDS', person, leaderRef(ctx, p, span), span, rule, 0.8, {
      ...(ctx.publishedOn ? { observedOn: [ctx.publishedOn] } : {}),
    });
  }
}

/** The head of a department (市工业和信息化局局长, 市发展改革委主任): a post only where a person holds it. */
const DEPARTMENT_HEAD = /([市省区县](?:[\u4e00-\u9fa5]{1,12}?)(?:局|委员会|委|办))(副?(?:局长|主任))/g;

function departmentHeads(ctx: Context, s: Span, holders: Map<Post, string>): void {
  for (const m of s.text.matchAll(DEPARTMENT_HEAD)) {
    // a body the post rules know (市委, 市人大常委会) is theirs; 市政府办 is an office, not a department
    if (
      /^(?:市委|省委|市人大|省人大|市政协|省政协|市政府|省政府)/.test(m[1]!) &&
      !/^市委[^员]{2,}(?:部|委|办)$/.test(m[1]!)
    )
      continue;
    const end = m.index! + m[0].length;
    PERSON_RE.lastIndex = end;
    const name = PERSON_RE.exec(s.text)?.[1];
    if (!name || NOT_A_NAME.test(name)) continue;
    const post: Post = { title: m[0], body: m[1]!, start: m.index!, end };
    holds(ctx, name, [post], clauseRange(s, m.index!, end + name.length), holders, 'department head + name');
  }
}

/** Each named person's principal post, from the HOLDS facts read so far in the document. */
function principalByPerson(ctx: Context): Map<string, ExtractedRef> {
  const out = new Map<string, ExtractedRef>();
  for (const f of ctx.collector.facts) {
    if (f.kind !== 'RELATIONSHIP' || f.type !== 'HOLDS' || !f.from || !f.to) continue;
    const known = out.get(f.from.name);
    if (!known || rank(f.to.name) < rank(known.name)) out.set(f.from.name, f.to);
  }
  return out;
}

/**
 * A person named earlier owning chains in a sentence of their own: “作为A产业链链长，甲在…” and
 * “甲同时担任A、B两条产业链的链长”. Their principal post owns the chains (the model's owner is a post).
 */
function ownersByName(ctx: Context): void {
  const principal = principalByPerson(ctx);
  if (!principal.size) return;
  const names = [...principal.keys()].sort((a, b) => b.length - a.length).join('|');
  const as = new RegExp(`作为([^，,。；]{2,40}?)(?:产业链|链)的?链长[，,](${names})`, 'g');
  const takes = new RegExp(
    `(${names})(?:同时|还|也|并|另)?(?:担任|兼任|出任)([^，,。；]{2,60}?)(?:产业链|链)的?链长`,
    'g',
  );
  for (const s of ctx.sentences) {
    for (const m of [...s.text.matchAll(as), ...s.text.matchAll(takes)]) {
      const person = m[2] && principal.has(m[2]) ? m[2] : m[1]!;
      const chainsAt = m[2] && principal.has(m[2]) ? m.index! : m.index! + person.length;
      const chains = chainsIn(ctx, s.start + chainsAt, s.start + m.index! + m[0].length);
      const span = sub(s, m.index!, m.index! + m[0].length);
      for (const chain of chains)
        ctx.collector.rel(
          'OWNER_OF',
          principal.get(person)!,
          chain,
          span,
          '“甲担任A产业链链长”: 甲’s principal post',
          0.75,
        );
    }
  }
}

export function extractPosts(ctx: Context): void {
  for (const s of ctx.sentences) {
    const posts = findPosts(s.text);
    // persons named right after a post or after 链长
    const holders = new Map<Post, string>();
    const anchors = [
      ...posts.map((p) => p.end),
      // 总链长王建国 / 副总链长李红 name the holder of the posts before them, as 链长 does
      ...[...s.text.matchAll(/链长(?!制)/g)].map((m) => m.index! + 2),
    ].sort((a, b) => a - b);
    let windowStart = 0;
    for (const anchor of anchors) {
      PERSON_RE.lastIndex = anchor;
      const m = PERSON_RE.exec(s.text);
      if (!m) continue;
      const name = m[1]!;
      if (NOT_A_NAME.test(name)) continue;
      const nameEnd = anchor + name.length;
      const held = posts.filter((p) => p.start >= windowStart && p.end <= anchor);
      if (!held.length) continue;
      const span = clauseRange(s, held[0]!.start, nameEnd);
      holds(ctx, name, held, span, holders, 'post + name (apposition)');
      windowStart = nameEnd;
      // “副市长甲、乙出席”: a second name joined by 、 holds the same posts
      const next = anchor + name.length;
      if (s.text[next] === '、' && findPosts(s.text.slice(next + 1, next + 8))[0]?.start !== 0) {
        // the longest name that a verb of attending (出席, 参加…) or the clause's end follows
        const second = SECOND_NAME.exec(s.text.slice(next + 1));
        // 任 opens a three-character name here (甲、任志远), not the verb 任
        const verb = NOT_A_NAME.test(second?.[1] ?? '') && !/^任[\u4e00-\u9fa5]{2}$/.test(second?.[1] ?? '');
        if (second && !verb) {
          const end = next + 1 + second[1]!.length;
          holds(ctx, second[1]!, held, clauseRange(s, held[0]!.start, end), holders, 'post + names joined by 、');
          windowStart = end;
        }
      }
    }
    // “链长：甲（副市长）” / “甲（市委副书记、市长）”: a name with its posts in brackets, as annexes write it
    for (const b of s.text.matchAll(/[（(]([^（）()]{2,40})[）)]/g)) {
      const open = b.index!;
      const inside = posts.filter((p) => p.start > open && p.end <= open + 1 + b[1]!.length);
      // the brackets hold posts and nothing else (joined by 、)
      const covered = new Set(inside.flatMap((p) => Array.from({ length: p.end - p.start }, (_, i) => p.start + i)));
      const leftover = [...b[1]!].filter((_, i) => !covered.has(open + 1 + i)).join('');
      if (!inside.length || !/^、*$/.test(leftover)) continue;
      const before = s.text.slice(Math.max(0, open - 5), open);
      const m = new RegExp(
        `(?:^|[：:、，,\\s　])((?:${COMPOUND_SURNAMES})[\\u4e00-\\u9fa5]{1,2}|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2})$`,
      ).exec(before);
      if (!m || NOT_A_NAME.test(m[1]!) || findPosts(m[1]!).length) continue;
      const at = open - m[1]!.length;
      holds(ctx, m[1]!, inside, clauseRange(s, at, open + b[0].length), holders, 'name（post）');
    }
    departmentHeads(ctx, s, holders);
    roleRelations(ctx, s, posts, holders);
    // a post given a role is a fact even where the chains it serves are not named (S1: 各位副市长…链长)
    if (/包保|链长|高位统筹/.test(s.text)) {
      for (const p of posts) if (!holders.has(p)) leaderRef(ctx, p, clauseRange(s, p.start, p.end));
    }
  }
  ownersByName(ctx);
}
