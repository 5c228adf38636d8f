// Validation of curation inputs, once at the boundary: every problem is reported at once, with the
// field it concerns, and nothing is written when any is wrong.
import { z } from 'zod';
import {
  ALIAS_MAX_CHARS,
  CONTROL_CHARACTERS,
  DATE_PROPERTIES,
  idPatternFor,
  isRealDate,
  NAME_MAX_CHARS,
  nameProblem,
  USCC_PATTERN,
} from '../../graph/model-rules.js';
import { quoteProblem } from '../../graph/provenance-rules.js';
import { SOURCE_KIND } from '../../graph/model.js';
import { badUserInput } from '../errors.js';

const slugId = (prefix: string) =>
  z.string().regex(idPatternFor(prefix), `must look like ${prefix}:<slug> (lower-case letters, digits, - . _)`);
const refId = z.string().trim().min(3).max(200);
// A day that exists (graph/model-rules.ts): 2023-02-30 is refused here, with its field path.
const isoDate = z.string().refine(isRealDate, 'must be a real date written YYYY-MM-DD');
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'must not contain control characters');
/** A name under the one name rule (graph/model-rules.ts): no bidi or zero-width characters, `max` at most. */
const name = (max: number) =>
  text(max).superRefine((s, ctx) => {
    const problem = nameProblem(s, max);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const sources = z
  .array(slugId('source'))
  .min(1, 'give at least one source id (a fact without a source does not exist)')
  .max(20);
const confidence = z
  .enum(['HIGH', 'MEDIUM', 'LOW'])
  .default('MEDIUM')
  .transform((c) => c.toLowerCase());
const status = z
  .enum(['CONFIRMED', 'UNVERIFIED'])
  .default('CONFIRMED')
  .transform((s) => s.toLowerCase());
// The quote is the source's words (graph/provenance-rules.ts): no joined quotes, no English notes.
const quote = text(2000)
  .superRefine((q, ctx) => {
    const wrong = quoteProblem(q);
    if (wrong) ctx.addIssue({ code: 'custom', message: wrong });
  })
  .nullish();
const provenance = { sources, quote, confidence, status };

export const sourceInput = z.object({
  id: slugId('source'),
  name: name(NAME_MAX_CHARS),
  nameEn: name(NAME_MAX_CHARS).nullish(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullish(),
  publisher: text(200).nullish(),
  publishedOn: isoDate.nullish(),
  kind: z.enum(SOURCE_KIND),
  quality: text(2000).nullish(),
});

export const enterpriseInput = z.object({
  id: slugId('ent'),
  name: name(NAME_MAX_CHARS),
  nameEn: name(NAME_MAX_CHARS).nullish(),
  aliases: z.array(name(ALIAS_MAX_CHARS)).max(50).nullish(),
  local: z.boolean(),
  tags: z.array(text(30)).max(30).nullish(),
  uscc: z.string().regex(USCC_PATTERN, 'must be an 18-character 统一社会信用代码').nullish(),
  outputYuan: z.number().finite().min(0).nullish(),
  ...provenance,
});

export const segmentLinkInput = z.object({
  enterpriseId: refId,
  segmentId: refId,
  role: z
    .enum(['CORE', 'MEMBER'])
    .default('MEMBER')
    .transform((r) => r.toLowerCase()),
  ...provenance,
});
export const districtLinkInput = z.object({ enterpriseId: refId, districtId: refId, ...provenance });
export const targetStageInput = z.object({
  enterpriseId: refId,
  targetId: refId,
  stage: text(10),
  since: isoDate,
  sources,
  quote,
  confidence,
});

const scalar = z.union([z.string().max(2000), z.number().finite(), z.boolean()]);
const RESERVED = new Set(['id', 'sources', 'quote', 'confidence', 'status', 'synthetic']);
const properties = z
  .record(
    z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'property names are camelCase'),
    z.union([scalar, z.array(z.union([z.string().max(500), z.number().finite()])).max(100)]),
  )
  .superRefine((props, ctx) => {
    for (const [key, value] of Object.entries(props)) {
      if (RESERVED.has(key))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key} is set from the proposal itself (sources, quote, confidence), not from properties`,
        });
      // The name rule (graph/model-rules.ts) at input, so a proposal cannot wait for review with a name
      // that confirming it would refuse.
      const names =
        key === 'name' || key === 'nameEn' ? [value] : key === 'aliases' && Array.isArray(value) ? value : [];
      for (const name of names) {
        const problem =
          typeof name === 'string' ? nameProblem(name, key === 'aliases' ? ALIAS_MAX_CHARS : NAME_MAX_CHARS) : null;
        if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
      }
      const dates = Array.isArray(value) ? value : [value];
      if (DATE_PROPERTIES.has(key) && dates.some((d) => !isRealDate(d))) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is a date: write a real date YYYY-MM-DD` });
      }
    }
  });

export const proposalInput = z.object({
  node: z.object({ id: refId, properties }).nullish(),
  relationship: z
    .object({
      type: z.string().regex(/^[A-Z_]+$/, 'is a relationship type such as HOSTS'),
      from: refId,
      to: refId,
      properties: properties.nullish(),
    })
    .nullish(),
  sources,
  quote: text(2000),
  confidence,
  comment: text(2000).nullish(),
});

/** Parses `input` or throws BAD_USER_INPUT listing every problem with its field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, name = 'input'): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${[name, ...issue.path].join('.')}: ${issue.message}`);
  throw badUserInput(
    `The ${name} has ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems.join('; ')}.`,
  );
}
