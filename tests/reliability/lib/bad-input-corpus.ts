// The bad-input corpus (at least 1,000 malformed and hostile requests) and the judge of each answer:
// never a 5xx, never a hang, a GraphQL-shaped body with a known `extensions.code` on every error, and
// no secret (Neo4j password, tokens) and no file outside the web root in any body.
import { accessCases } from './corpus-access.js';
import { fileCases } from './corpus-files.js';
import { shapeCases } from './corpus-shape.js';
import { textCases } from './corpus-text.js';
import { KNOWN_CODES, type CorpusCase, type CorpusIds, type CorpusTokens } from './corpus-types.js';

export function buildCorpus(ids: CorpusIds, tokens: CorpusTokens, neo4jPassword: string): CorpusCase[] {
  return [...shapeCases(ids), ...textCases(ids), ...accessCases(tokens, ids, neo4jPassword), ...fileCases(tokens)];
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  ms: number;
}

type Fetcher = (request: Request) => Promise<Response> | Response;

export async function send(fetcher: Fetcher, c: CorpusCase, hangMs = 30_000): Promise<Answer> {
  const started = performance.now();
  const request = new Request(`http://corpus.local${c.path}`, {
    method: c.method,
    headers: c.headers,
    body: c.method === 'GET' || c.method === 'HEAD' ? undefined : (c.body as BodyInit | undefined),
  });
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${hangMs / 1000} s`)), hangMs);
  });
  try {
    const response = await Promise.race([Promise.resolve(fetcher(request)), hang]);
    const text = await Promise.race([response.text(), hang]);
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      ms: performance.now() - started,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Texts that must never appear in an answer: the secrets, and the marks of files outside web/dist. */
export interface Forbidden {
  secrets: string[];
  fileMarks: string[];
}

/** What is wrong with the answer to `c` (empty when it is fine). */
export function judge(c: CorpusCase, answer: Answer, forbidden: Forbidden): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  for (const secret of forbidden.secrets)
    if (secret && answer.text.includes(secret)) problems.push('the body contains a secret (Neo4j password or a token)');
  for (const mark of forbidden.fileMarks)
    if (answer.text.includes(mark)) problems.push(`the body contains a file outside the web root ("${mark}")`);
  if (c.category === 'http-static') return problems;
  let body: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null = null;
  try {
    body = JSON.parse(answer.text);
  } catch {
    if (c.expect === 'error')
      problems.push(
        `status ${answer.status} without a GraphQL JSON body (${answer.contentType}): ${answer.text.slice(0, 80)}`,
      );
    return problems;
  }
  const errors = Array.isArray(body?.errors) ? body!.errors : [];
  if (c.expect === 'error' && errors.length === 0)
    problems.push(`accepted (status ${answer.status}); it should be refused with an error code`);
  for (const error of errors) {
    const code = String(error?.extensions?.code ?? '');
    if (!(KNOWN_CODES as readonly string[]).includes(code))
      problems.push(`error without a known code (${code || 'none'}): ${String(error?.message).slice(0, 120)}`);
    else if (typeof error.message !== 'string' || error.message.length < 10)
      problems.push(`error ${code} without a message that says what to do`);
  }
  if (errors.length === 0 && (body === null || typeof body !== 'object' || !('data' in body)))
    problems.push('neither data nor errors in the body');
  return problems;
}
