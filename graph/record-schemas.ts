// Zod schemas of one record of the model (seed/data/README.md), for the seed loader and the CSV import: the common fields, the provenance of domain
// records, and the properties of each label and relationship type, with the enums of graph/model.ts.
// Objects are strict: a misspelt field is an error, not a silently dropped fact.
import { z } from 'zod';
import {
  CHAIN_KIND,
  CONFIDENCE,
  DISTRICT_KIND,
  LABELS,
  PIPELINE_STAGES,
  POLICY_KIND,
  REL_TYPES,
  SEGMENT_ROLE,
  SEGMENT_STAGE,
  SOURCE_KIND,
  STATUS,
  type Label,
  type RelType,
} from './model.js';
import {
  ALIAS_MAX_CHARS,
  CONTROL_CHARACTERS,
  ID_PATTERN,
  ID_RULE_TEXT,
  isRealDate,
  isWebUrl,
  nameProblem,
  USCC_PATTERN,
} from './model-rules.js';

const got = (input: unknown) => (input === undefined ? 'it is missing' : `got ${JSON.stringify(input)}`);

export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `must be one of ${values.join(', ')} (${got(issue.input)})` });

const text = z
  .string({ error: (issue) => `must be text (${got(issue.input)})` })
  .trim()
  .min(1, { error: 'must not be empty' })
  .refine((s) => !CONTROL_CHARACTERS.test(s), { error: 'must not contain control characters' });
const bool = z.boolean({ error: (issue) => `must be true or false (${got(issue.input)})` });
const number = z
  .number({ error: (issue) => `must be a number (${got(issue.input)}); money in 元, e.g. 1600000000 for 16亿` })
  .refine(Number.isFinite, { error: 'must be a finite number' });
const int = z
  .number({ error: (issue) => `must be an integer (${got(issue.input)})` })
  .int({ error: 'must be an integer' });
const textList = z.array(text, { error: (issue) => `must be a list of text, e.g. [a, b] (${got(issue.input)})` });
/** A name: text under the name rule of graph/model-rules.ts (no invisible format characters, a length limit). */
const nameText = (max?: number) =>
  text.superRefine((s, ctx) => {
    const problem = nameProblem(s, max);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Real calendar dates: the one rule of graph/model-rules.ts. */
export const isCalendarDate = (value: string): boolean => isRealDate(value);
export const date = z
  .string({ error: (issue) => `must be a date YYYY-MM-DD in quotes (${got(issue.input)})` })
  .refine(isCalendarDate, { error: (issue) => `must be a real date YYYY-MM-DD (${got(issue.input)})` });

export { ID_PATTERN };
const id = z.string({ error: (issue) => `must be an id such as chain:opto (${got(issue.input)})` }).regex(ID_PATTERN, {
  error: (issue) => `must be ${ID_RULE_TEXT} (${got(issue.input)})`,
});

/** Fields every node has. */
const nodeBase = {
  id,
  label: oneOf(LABELS as unknown as [Label, ...Label[]]),
  name: nameText(),
  nameEn: nameText().optional(),
  /** false only where a source gives the English name; defaults to true when nameEn is present. */
  nameEnTranslated: bool.optional(),
  aliases: z
    .array(nameText(ALIAS_MAX_CHARS), {
      error: (issue) => `must be a list of text, e.g. [a, b] (${got(issue.input)})`,
    })
    .optional(),
};

/** Provenance of every domain node and relationship (graph-model.md conventions). */
export const provenance = {
  sources: z
    .array(id, { error: (issue) => `must be a list of Source ids, e.g. [source:s1] (${got(issue.input)})` })
    .min(1, { error: 'needs at least one source: a fact without a source is not in the graph' }),
  quote: text.optional(),
  /** One quote per source, where a fact has several sources (stored as a list parallel to `sources`). */
  quotes: z
    .record(id, text, { error: (issue) => `must map source ids to their quotes (${got(issue.input)})` })
    .optional(),
  /** Row of ../shared/sources/changchun-facts.md (F001…), kept for the reader. */
  fact: text.optional(),
  confidence: oneOf(CONFIDENCE),
  status: oneOf(STATUS),
};

const labelProps: Record<Label, z.ZodRawShape> = {
  Program: {
    declaredKeyChains: int.min(0).optional(),
    declaredGuaranteeChains: int.min(0).optional(),
    issuedOn: date.optional(),
    // The city or province whose firms are local to the program (ingestion contract section 0).
    region: z
      .string()
      .regex(/^district:/, { error: 'must be a district id (district:…)' })
      .optional(),
  },
  Leader: { title: text, body: text.optional() },
  Person: {},
  Chain: { kind: oneOf(CHAIN_KIND), identified: bool, priority: int.min(1).optional() },
  Segment: {
    level: int.min(1, { error: 'must be 1 (directly under the chain) or more' }),
    stage: oneOf(SEGMENT_STAGE).optional(),
    code: text.optional(),
  },
  District: { kind: oneOf(DISTRICT_KIND), areaKm2: number.optional() },
  Institute: {},
  University: {},
  Enterprise: {
    local: bool,
    tags: textList.optional(),
    uscc: z
      .string()
      .regex(USCC_PATTERN, {
        error: (issue) => `must be an 18-character 统一社会信用代码 (${got(issue.input)})`,
      })
      .optional(),
    outputYuan: number.optional(),
  },
  Goal: {
    metric: text,
    targetValue: number.optional(),
    unit: text.optional(),
    deadline: date.optional(),
    code: text.optional(),
  },
  Observation: { metric: text, value: number, unit: text.optional(), asOf: date.optional() },
  Policy: {
    kind: oneOf(POLICY_KIND),
    issuedOn: date.optional(),
    issuer: text.optional(),
    amountYuan: number.optional(),
  },
  Source: {
    url: z
      .string()
      .url({ error: (issue) => `must be a URL (${got(issue.input)})` })
      .refine(isWebUrl, { error: (issue) => `must be an http(s) address (${got(issue.input)})` })
      .nullable()
      .optional(),
    publisher: text.nullable().optional(),
    publishedOn: date.nullable().optional(),
    kind: oneOf(SOURCE_KIND),
    quality: text.optional(),
  },
};

export const nodeSchemas = Object.fromEntries(
  LABELS.map((label) => [
    label,
    z.strictObject({ ...nodeBase, ...(label === 'Source' ? {} : provenance), ...labelProps[label] }),
  ]),
) as unknown as Record<Label, z.ZodType>;

const relBase = {
  type: oneOf(REL_TYPES as unknown as [RelType, ...RelType[]]),
  from: id,
  to: id,
  ...provenance,
  role: text.optional(),
  validFrom: date.optional(),
  validTo: date.optional(),
  /** Days on which a source shows the fact (e.g. a person in post), where no term is stated. */
  observedOn: z
    .array(date, { error: (issue) => `must be a list of dates, e.g. ['2024-03-07'] (${got(issue.input)})` })
    .min(1)
    .optional(),
};

const typeProps: Partial<Record<RelType, z.ZodRawShape>> = {
  IN_SEGMENT: { role: oneOf(SEGMENT_ROLE).optional() },
  SUPPLIES: { product: text.optional() },
  TARGET_FOR: { stage: oneOf(PIPELINE_STAGES), stageSince: date.optional() },
};

export const relSchemas = Object.fromEntries(
  REL_TYPES.map((type) => [type, z.strictObject({ ...relBase, ...(typeProps[type] ?? {}) })]),
) as unknown as Record<RelType, z.ZodType>;

/** One issue of a zod parse → the field it concerns and the message to show. */
export function describeIssue(issue: z.core.$ZodIssue): { field?: string; message: string }[] {
  const field = issue.path.length ? issue.path.map(String).join('.') : undefined;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: key,
      message: 'is not a field of this record (misspelt? see seed/data/README.md)',
    }));
  }
  return [{ field, message: issue.message }];
}
