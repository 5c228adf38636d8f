// Reads a normalised text and proposes every fact it states in the model's vocabulary (contract
// section 2): the city and mechanism first (they scope the ids), then chains, posts and roles, places,
// firms and policies, and last the figures, which refer to what was found before.
import { Collector } from './collector.js';
import type { Context } from './context.js';
import { sha256 } from './read/normalise.js';
import { RefResolver } from './refs.js';
import { extractChains, indexChainMentions } from './rules/chains.js';
import { extractFigures } from './rules/figures.js';
import { extractPlacesAndFirms } from './rules/places-firms.js';
import { extractNames } from './rules/names.js';
import { extractTables } from './rules/tables.js';
import { extractPosts } from './rules/posts.js';
import { extractRoles } from './rules/roles.js';
import { citySlug, findCity, findMechanism, findProvince, programOfCity } from './rules/program.js';
import { clauseRange, sentences } from './text.js';
import type { ExtractedRef, ExtractOptions, Extraction } from './types.js';

const BOILERPLATE =
  /来源[：:]|发布时间|字号[：:]|责任编辑|【打印】|【关闭】|本文据公开报道|资料图片|^\d{4}-\d{2}-\d{2}\s|^[·•▪●]|^【相关/;

/** Where the body starts: after the headline (the first line) when the text has several lines. */
function bodyStart(text: string): number {
  const firstBreak = text.indexOf('\n');
  return firstBreak > 0 && firstBreak < 120 ? firstBreak + 1 : 0;
}

/** The document's date from its dateline when the caller gave none (2021-07-28 09:15 / 时间:2023-08-17). */
function datelineDate(text: string): string | undefined {
  const head = text.slice(0, 400);
  const iso = /(20\d{2})-(\d{2})-(\d{2})/.exec(head);
  if (iso) return iso[0];
  const cn = /(20\d{2})年(\d{1,2})月(\d{1,2})日/.exec(head);
  return cn ? `${cn[1]}-${cn[2]!.padStart(2, '0')}-${cn[3]!.padStart(2, '0')}` : undefined;
}

/** The region's District, quoted where the document first names it (泸州市 or, without 市, 泸州). */
function regionNode(ctx: Context, name: string, short: string, from: number, kind: string): ExtractedRef | null {
  const at = ctx.text.indexOf(name, from) >= 0 ? ctx.text.indexOf(name, from) : ctx.text.indexOf(short, from);
  if (at < 0) return null;
  const sentence = sentences(ctx.text).find((s) => s.start <= at && s.end > at);
  if (!sentence) return null;
  return ctx.collector.node(
    'District',
    name,
    clauseRange(sentence, at - sentence.start, at - sentence.start + short.length),
    'the city or province the document is about',
    0.7,
    { kind },
  );
}

export function extractFacts(text: string, given: ExtractOptions): Extraction {
  const warnings: string[] = [];
  const options = { ...given, publishedOn: given.publishedOn ?? datelineDate(text) };
  const start = bodyStart(text);
  const body = sentences(text).filter((s) => s.start >= start && !BOILERPLATE.test(s.text));
  const province = findProvince(text);
  const city = province ?? findCity(text, options.title);
  const regionSuffix = province ? '省' : '市';
  const known = options.programId
    ? (options.dictionary.programs.find((p) => p.id === options.programId) ?? null)
    : programOfCity(options.dictionary.programs, city);
  if (options.programId && !known) warnings.push(`The program ${options.programId} is not in the graph.`);
  const programSlug = known ? known.id.replace(/^program:/, '') : citySlug(city);
  const refs = new RefResolver(options.dictionary, known?.id ?? null, programSlug);
  const collector = new Collector(refs);
  const ctx: Context = {
    text,
    sentences: body,
    collector,
    publishedOn: options.publishedOn,
    city,
    program: null,
    chainMentions: [],
    warnings,
  };
  const mechanism = findMechanism(text, city, start)[0];
  if (known) {
    ctx.program = { id: known.id, existing: true, label: 'Program', name: known.name };
    if (mechanism)
      collector.fixedNode(ctx.program, mechanism.span, 'the mechanism (…链长制) of a program the graph holds', 0.85);
  } else if (mechanism) {
    // A new program comes with its region: the city (or province) the document is about, as a District.
    const region = city ? regionNode(ctx, `${city}${regionSuffix}`, city, start, province ? 'province' : 'city') : null;
    ctx.program = { id: `program:${programSlug}`, existing: false, label: 'Program', name: mechanism.name };
    collector.fixedNode(
      ctx.program,
      mechanism.span,
      'the mechanism named “…链长制”',
      mechanism.name === '链长制' ? 0.5 : 0.85,
      {
        ...(region ? { region: region.id } : {}),
      },
    );
  } else {
    warnings.push('No chain-owner mechanism (…链长制) is named: facts are not tied to a program.');
  }
  extractChains(ctx);
  extractPosts(ctx);
  const before = new Set(ctx.collector.nodesOf('Chain').map((c) => c.id));
  extractTables(ctx);
  // chains an annex table adds are named in the text too (…分别是A、B产业链主要承载地); a table lists them
  const listed = new Set(ctx.chainMentions.filter((m) => m.listed).map((m) => m.ref.id));
  for (const chain of ctx.collector.nodesOf('Chain')) if (!before.has(chain.id)) listed.add(chain.id);
  indexChainMentions(ctx, listed);
  extractPlacesAndFirms(ctx);
  extractNames(ctx);
  extractRoles(ctx);
  extractFigures(ctx);
  return { text, sha256: sha256(text), programId: ctx.program?.id ?? null, facts: collector.facts, warnings };
}
