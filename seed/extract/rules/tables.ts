// Tables rendered as text (annexes of a 通知 or 方案: "序号｜产业链｜链长｜副链长｜链主企业", or an indicator
// table of a 总结: "产业链 链长 产值（亿元） 同比增长（%）"): a header row names the columns, and each row
// below it states its chain's owner post and holder, its vice owner, its leading firms and its figures
// (a column whose header carries a unit in brackets). Each fact quotes its whole row, the words that
// state it. Cells are split at ｜, tabs or, in a table copied from a web page, at spaces.
import type { Context } from '../context.js';
import { COMPOUND_SURNAMES, SURNAMES } from '../lexicon.js';
import type { Span } from '../text.js';
import { dateInClause, endOf, findQuantities } from '../numbers.js';
import type { ExtractedRef } from '../types.js';
import { chainName } from './chains.js';
import { findPosts } from './post-titles.js';

const CELL_SPLIT = /\s*[｜|\t]\s*/;
const SPACES = /[ \u3000]+/;
const splitCells = (line: string) => line.trim().split(/[｜|\t]/.test(line) ? CELL_SPLIT : SPACES);
const RULE = 'table row under a header (产业链｜链长…)';

interface FigureColumn {
  index: number;
  metric: string;
  unit: string;
}

interface Columns {
  chain: number;
  owner: number;
  vice: number;
  firms: number;
  /** 核心承载区 / 主要承载地: the places that host the row's chain. */
  hosts: number;
  figures: FigureColumn[];
  /** The year the figures are of (the caption's, else the document's) and whether they are targets. */
  year: number | null;
  /** The date observed figures are as of: the caption's period (2025年上半年 → 2025-06-30), else year end. */
  asOf: string | null;
  targets: boolean;
}

const column = (cells: string[], re: RegExp) => cells.findIndex((c) => re.test(c));

/** "规上工业产值（亿元）" → a figure column; "同比增长（%）" after it names the growth of that figure. */
function figureColumns(cells: string[]): FigureColumn[] {
  const out: FigureColumn[] = [];
  cells.forEach((cell, index) => {
    const m = /^(.+?)[（(]([^）)]+)[）)]$/.exec(cell);
    if (!m || !findQuantities(`1${m[2]}`).length) return;
    const before = out.at(-1);
    const growth = /^(?:同比)?(?:增长|增速|增幅)/.test(m[1]!) && before && before.index === index - 1;
    out.push({ index, metric: growth ? `${before.metric}${m[1]}` : m[1]!, unit: m[2]! });
  });
  return out;
}

function headerColumns(cells: string[], caption: string, publishedOn: string | undefined): Columns | null {
  const chain = column(cells, /^(?:重点)?产业链(?:名称)?$|^链条$/);
  const owner = column(cells, /^(?:产业链)?链长$/);
  const firms = column(cells, /^链主(?:企业)?$/);
  if (chain < 0 || (owner < 0 && firms < 0 && column(cells, /承载|核心区/) < 0)) return null;
  const figures = figureColumns(cells);
  const year = /(?:19|20)\d{2}年/.test(caption) ? dateInClause(caption).year : dateInClause('', publishedOn).year;
  const targets = /目标|计划|预期/.test(caption) || figures.some((f) => /目标/.test(f.metric));
  const period = /(?:19|20)\d{2}年|\d{1,2}月|上半年|前三季度|一季度/.test(caption);
  const asOf = period ? dateInClause(caption, publishedOn).date : year ? endOf(year) : null;
  const hosts = column(cells, /^(?:核心|主要)?(?:承载地|承载区|核心区)(?:名单)?$/);
  return { chain, owner, vice: column(cells, /^副链长$/), firms, hosts, figures, year, asOf, targets };
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
  if (cols.hosts >= 0) {
    for (const name of (cells[cols.hosts] ?? '').split(/[、，,和]/).map((n) => n.trim())) {
      if (!/(?:区|县|市|镇|园|城)$/.test(name) || name.length < 3) continue;
      const place = ctx.collector.node('District', name, row, RULE, 0.8, {
        kind: /园$/.test(name) ? 'park' : /开发区|高新区|新区/.test(name) ? 'zone' : 'district',
      });
      ctx.collector.rel('HOSTS', place, chain, row, `${RULE}: 承载地 column`, 0.8, { role: '承载地' });
    }
  }
  for (const f of cols.figures) figureFact(ctx, row, (cells[f.index] ?? '').replace(/,/g, ''), f, cols, chain);
}

function figureFact(ctx: Context, row: Span, cell: string, f: FigureColumn, cols: Columns, chain: ExtractedRef) {
  if (!/^-?\d+(?:\.\d+)?$/.test(cell)) return; // "—" or "/" is an unknown, not a zero
  const q = findQuantities(`${cell}${f.unit}`)[0];
  if (!q) return;
  const date = cols.targets ? (cols.year ? endOf(cols.year) : null) : cols.asOf;
  const properties = { metric: f.metric, unit: q.unit, of: chain.name };
  const key = `${chain.name}|${f.metric}|${q.value}|${cols.year}`;
  if (cols.targets)
    ctx.collector.node(
      'Goal',
      f.metric,
      row,
      `${RULE}: target column`,
      0.75,
      {
        ...properties,
        targetValue: q.value,
        ...(date ? { deadline: date } : {}),
      },
      key,
    );
  else
    ctx.collector.node(
      'Observation',
      f.metric,
      row,
      `${RULE}: figure column`,
      0.75,
      {
        ...properties,
        value: q.value,
        ...(date ? { asOf: date } : {}),
      },
      key,
    );
}

export function extractTables(ctx: Context): void {
  let cols: Columns | null = null;
  let caption = '';
  for (const s of ctx.sentences) {
    const cells = splitCells(s.text);
    if (cells.length < 3) {
      cols = null; // a line that is not a row ends the table
      caption = s.text;
      continue;
    }
    const header = headerColumns(cells, caption, ctx.publishedOn);
    if (header) cols = header;
    else if (cols) rowFacts(ctx, s, cells, cols);
  }
}
