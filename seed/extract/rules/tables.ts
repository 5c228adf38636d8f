// Tables rendered as text (annexes of a 通知 or 方案: "序号｜产业链｜链长｜副链长｜链主企业"): a header row
// names the columns, and each row below it states its chain's owner post and holder, its vice owner
// and its leading firms. Each fact quotes its whole row, the words that state it.
import type { Context } from '../context.js';
import { COMPOUND_SURNAMES, SURNAMES } from '../lexicon.js';
import type { Span } from '../text.js';
import type { ExtractedRef } from '../types.js';
import { chainName } from './chains.js';
import { findPosts } from './post-titles.js';

const CELL_SPLIT = /\s*[｜|\t]\s*/;
const RULE = 'table row under a header (产业链｜链长…)';

interface Columns {
  chain: number;
  owner: number;
  vice: number;
  firms: number;
}

const column = (cells: string[], re: RegExp) => cells.findIndex((c) => re.test(c));

function headerColumns(cells: string[]): Columns | null {
  const chain = column(cells, /^(?:重点)?产业链(?:名称)?$|^链条$/);
  const owner = column(cells, /^(?:产业链)?链长$/);
  const firms = column(cells, /^链主(?:企业)?$/);
  if (chain < 0 || (owner < 0 && firms < 0)) return null;
  return { chain, owner, vice: column(cells, /^副链长$/), firms };
}

const PERSON = new RegExp(`^(?:${COMPOUND_SURNAMES}|[${SURNAMES}])[\\u4e00-\\u9fa5]{1,2}$`);

/** "常务副市长 许卫东" → the post and its holder's name (or none when the cell names no one). */
function postAndHolder(cell: string): { title: string; body: string | null; name: string | null } | null {
  const posts = findPosts(cell);
  const post = posts[0];
  if (!post || post.start !== 0) return null;
  const rest = cell.slice(posts[posts.length - 1]!.end).trim();
  return { title: post.title, body: post.body, name: PERSON.test(rest) ? rest : null };
}

function postFacts(ctx: Context, cell: string, row: Span, chain: ExtractedRef | null): void {
  const held = postAndHolder(cell);
  if (!held) return;
  const leader = ctx.collector.node('Leader', held.title, row, RULE, 0.8, {
    title: held.title,
    ...(held.body ? { body: held.body } : {}),
  });
  if (chain) ctx.collector.rel('OWNER_OF', leader, chain, row, `${RULE}: 链长 column`, 0.8);
  if (!held.name) return;
  const person = ctx.collector.node('Person', held.name, row, RULE, 0.8);
  ctx.collector.rel('HOLDS', person, leader, row, RULE, 0.8, {
    ...(ctx.publishedOn ? { observedOn: [ctx.publishedOn] } : {}),
  });
}

function rowFacts(ctx: Context, row: Span, cells: string[], cols: Columns): void {
  const named = chainName(cells[cols.chain] ?? '');
  if (!named) return;
  const chain = ctx.collector.node('Chain', named.name, row, RULE, 0.85, {
    kind: 'key',
    ...(named.alias ? { aliases: [named.alias] } : {}),
  });
  if (ctx.program) ctx.collector.rel('PART_OF', chain, ctx.program, row, RULE, 0.85);
  if (cols.owner >= 0) postFacts(ctx, cells[cols.owner] ?? '', row, chain);
  if (cols.vice >= 0) postFacts(ctx, cells[cols.vice] ?? '', row, null); // the model has no vice-owner role
  if (cols.firms >= 0) {
    for (const name of (cells[cols.firms] ?? '').split(/[、，,]/).map((n) => n.trim())) {
      if (!/(?:公司|集团|股份|厂)$/.test(name)) continue;
      const firm = ctx.collector.node('Enterprise', name, row, RULE, 0.8);
      ctx.collector.rel('LEADS', firm, chain, row, `${RULE}: 链主 column`, 0.8);
    }
  }
}

export function extractTables(ctx: Context): void {
  let cols: Columns | null = null;
  for (const s of ctx.sentences) {
    const cells = s.text.split(CELL_SPLIT);
    if (cells.length < 3) {
      cols = null; // a line that is not a row ends the table
      continue;
    }
    const header = headerColumns(cells);
    if (header) cols = header;
    else if (cols) rowFacts(ctx, s, cells, cols);
  }
}
