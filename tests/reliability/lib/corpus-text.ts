// Bad-input corpus, part 2: unicode oddities and injection attempts (Lucene, Cypher, template, path,
// markup) in search text and in every id argument. Such text may legitimately find nothing or be
// refused; it must never break the server or change the graph.
import { post, type CorpusCase, type CorpusIds } from './corpus-types.js';

export const UNICODE_ODDITIES = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDBFFy',
  '\uFEFF长光',
  '\u202E光机所',
  '\u200B\u200C\u200D',
  'e\u0301',
  '𠀀𪚥',
  '😀'.repeat(1000),
  `a${'\u0301'.repeat(500)}`,
  '光'.repeat(10_000),
  'ＡＢＣ光机所',
  '長光衛星',
  '\r\n\t',
  '\u2028\u2029',
  'Ω≈ç√∫',
  'ｶﾀｶﾅ',
  '\\u0000',
  '%00',
  '\u007f',
  'ꙮ',
  'ﷺ',
  '\uFFFF',
  '\uFFFE',
  '\u0085',
  '᠎',
  '〇〡〢',
  '︵︶',
];

export const INJECTIONS = [
  // Lucene query syntax
  '*',
  '?',
  '*:*',
  'name:*',
  '"',
  '""',
  '\\',
  'a AND',
  'OR',
  'NOT',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '~',
  '^',
  ':',
  '/',
  '!',
  '&&',
  '||',
  '-',
  '+',
  'a~0.5',
  'a^1000',
  '/.*/',
  '[* TO *]',
  'name:"光" AND aliases:[a TO z]',
  '\\"',
  '光机所" OR "x',
  '*光*',
  '光~2',
  `${'a'.repeat(300)}*`,
  // Cypher
  "' OR 1=1 //",
  "') MATCH (n) DETACH DELETE n //",
  '"}) DETACH DELETE n //',
  'x` DETACH DELETE n //',
  '$param',
  '{id: "x"}',
  '\\u0027 RETURN 1 //',
  "ent:x'}) SET n.hacked = true //",
  "}) CALL apoc.cypher.runWrite('CREATE (:Hack)', {}) //",
  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
  '/*',
  '*/',
  '//',
  ';',
  "'; DROP TABLE users; --",
  '`',
  '``',
  "'\\'",
  'MATCH (n) RETURN n',
  // templates, markup, paths, URLs, format strings
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe sent as plain text on purpose
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  '%s%s%s%n',
  '%x%x%x',
  '{"$ne": null}',
  '__proto__',
  'constructor',
  'toString',
];

/** One query per argument that takes free text or an id; `$v` is the hostile value. */
function carriers(ids: CorpusIds): { name: string; query: string; extra?: Record<string, unknown> }[] {
  return [
    { name: 'search', query: 'query Q($v: String!) { search(text: $v, first: 5) { score entity { id name } } }' },
    { name: 'node', query: 'query Q($v: ID!) { node(id: $v) { id name } }' },
    { name: 'chain', query: 'query Q($v: ID!) { chain(id: $v) { id segments { id } } }' },
    { name: 'neighborhood', query: 'query Q($v: ID!) { neighborhood(id: $v, depth: 2) { nodes { id } truncated } }' },
    {
      name: 'path',
      query: 'query Q($v: ID!, $b: ID!) { path(from: $v, to: $b) { nodes { id } } }',
      extra: { b: ids.chainId },
    },
    { name: 'responsibility', query: 'query Q($v: ID!) { responsibility(id: $v) { relation leader { id } } }' },
    { name: 'gaps', query: 'query Q($v: ID!) { gaps(chainId: $v) { status } }' },
  ];
}

export function textCases(ids: CorpusIds): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const carrier of carriers(ids)) {
    UNICODE_ODDITIES.forEach(
      (text, i) =>
        void cases.push(
          post(
            'unicode',
            `${carrier.name}-${i}`,
            { query: carrier.query, variables: { v: text, ...carrier.extra } },
            { expect: 'any' },
          ),
        ),
    );
    INJECTIONS.forEach((text, i) => {
      const value = carrier.name === 'search' ? text : `${ids.enterpriseId}${text}`;
      cases.push(
        post(
          'injection',
          `${carrier.name}-${i}`,
          { query: carrier.query, variables: { v: value, ...carrier.extra } },
          { expect: 'any' },
        ),
      );
    });
  }
  // The same text inlined into the query document as a string literal (escaped as GraphQL requires).
  INJECTIONS.forEach(
    (text, i) =>
      void cases.push(
        post(
          'injection',
          `literal-${i}`,
          { query: `{ search(text: ${JSON.stringify(text)}, first: 3) { score } }` },
          { expect: 'any' },
        ),
      ),
  );
  // Raw bytes that are not UTF-8.
  for (const [i, bytes] of [
    [0xff, 0xfe],
    [0xc3, 0x28],
    [0xed, 0xa0, 0x80],
    [0xf8, 0x88, 0x80, 0x80, 0x80],
  ].entries()) {
    const body = Buffer.concat([
      Buffer.from('{"query":"query Q($v: String!) { search(text: $v) { score } }","variables":{"v":"'),
      Buffer.from(bytes),
      Buffer.from('"}}'),
    ]);
    cases.push({ ...post('unicode', `raw-bytes-${i}`, ''), body: new Uint8Array(body), expect: 'any' });
  }
  return cases;
}
