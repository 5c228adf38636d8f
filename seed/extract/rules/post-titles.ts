// Post titles (Leader) as the genre writes them: a body and its offices (市委副书记, 市人大常委会党组书记、主任)
// or a standalone post (常务副市长), and which of a person's posts is the principal one (gold rule 3).
import { BODY_RE, OFFICE_RE, STANDALONE_RE } from '../lexicon.js';

export interface Post {
  title: string;
  body: string | null;
  start: number;
  end: number;
}

const POST_RE = new RegExp(
  `((?:${BODY_RE})(?:、(?:${BODY_RE}))*)((?:${OFFICE_RE})(?:、(?:${OFFICE_RE}))*)|(?<![城都])(${STANDALONE_RE})`,
  'g',
);
/** How a post's title starts: a body or a standalone post (链长为 + 副市长…). */
export const POST_START = `${BODY_RE}|${STANDALONE_RE}`;
const BODY_ONLY = new RegExp(`^(?:${BODY_RE})$`);

/** Posts in a sentence with local offsets; joined bodies and offices are split into posts. */
export function findPosts(sentence: string): Post[] {
  const out: Post[] = [];
  for (const m of sentence.matchAll(POST_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (m[3]) {
      out.push({
        title: m[3],
        body: m[3].includes('市') ? '市政府' : m[3].includes('省') ? '省政府' : null,
        start,
        end,
      });
      continue;
    }
    const bodies = m[1]!.split('、').filter((b) => BODY_ONLY.test(b));
    const offices = m[2]!.split('、');
    const prefix = /[市省]/.exec(bodies[0] ?? '')?.[0] ?? '市';
    for (const raw of bodies) {
      const body = /^[市省区县]/.test(raw) ? raw : `${prefix}${raw}`;
      for (const office of offices) out.push({ title: `${body}${office}`, body, start, end });
    }
  }
  return out;
}

/** The office that carries a role when a person holds several: 主任/主席 before 党组书记 (gold rule 3). */
export function rank(title: string): number {
  if (/主要领导|主要负责同志/.test(title)) return 0;
  if (/(?<!副)(主任|主席|市长|省长|区长|县长)$/.test(title)) return 1;
  if (/(?<![党组副])书记$/.test(title)) return 2;
  if (/副/.test(title)) return 3;
  return 4;
}

/** Posts one named person holds together act through the principal one (市委常委、常务副市长 → 常务副市长). */
export function principalPosts(group: Post[], holders: Map<Post, string>): Post[] {
  const out: Post[] = [];
  const byPerson = new Map<string, Post[]>();
  for (const p of group) {
    const name = holders.get(p);
    if (!name) out.push(p);
    else byPerson.set(name, [...(byPerson.get(name) ?? []), p]);
  }
  for (const held of byPerson.values()) out.push([...held].sort((a, b) => rank(a.title) - rank(b.title))[0]!);
  // one body's joined offices (党组书记、主任) act through the principal one; two bodies (市委、市政府…) both act
  const joined = new Map<string, Post[]>();
  for (const p of out.splice(0)) joined.set(`${p.start}|${p.body}`, [...(joined.get(`${p.start}|${p.body}`) ?? []), p]);
  for (const same of joined.values()) out.push([...same].sort((a, b) => rank(a.title) - rank(b.title))[0]!);
  return out.sort((a, b) => a.start - b.start);
}
