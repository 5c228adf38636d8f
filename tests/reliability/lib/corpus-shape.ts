// Bad-input corpus, part 1: broken syntax, malformed payloads, wrong variable types, deep nesting,
// alias / fragment / directive bombs and huge strings and lists.
import { post, random, type CorpusCase, type CorpusIds } from './corpus-types.js';

export function validQueries(ids: CorpusIds): { query: string; variables: Record<string, unknown> }[] {
  return [
    { query: '{ programs { id name chains { id name } } }', variables: {} },
    {
      query:
        'query Q($id: ID!) { chain(id: $id) { id name segments { id name children { id } } patrons { leader { name } } } }',
      variables: { id: ids.chainId },
    },
    {
      query: 'query S($t: String!) { search(text: $t, first: 5) { score entity { id name } } }',
      variables: { t: '光机所' },
    },
    {
      query: 'query N($id: ID!) { neighborhood(id: $id, depth: 2, limit: 50) { nodes { id } edges { id } truncated } }',
      variables: { id: ids.enterpriseId },
    },
    {
      query: 'query P($a: ID!, $b: ID!) { path(from: $a, to: $b) { nodes { id } edges { id } } }',
      variables: { a: ids.enterpriseId, b: ids.districtId },
    },
    {
      query: 'query R($id: ID!) { responsibility(id: $id) { relation leader { title } path { nodes { id } } } }',
      variables: { id: ids.enterpriseId },
    },
    {
      query: 'query G($id: ID!) { gaps(chainId: $id) { status segment { id name } } }',
      variables: { id: ids.chainId },
    },
    { query: '{ leaders { id title body } }', variables: {} },
  ];
}

function syntax(ids: CorpusIds): CorpusCase[] {
  const cases: CorpusCase[] = [];
  validQueries(ids).forEach(({ query, variables }, q) => {
    for (let k = 1; k < 16; k++) {
      const cut = Math.max(1, Math.floor((query.length * k) / 16));
      cases.push(post('syntax', `truncated-${q}-${k}`, { query: query.slice(0, cut), variables }));
    }
  });
  const rnd = random(20240628);
  const alphabet = '{}()[]:$@!.,="\'#\n\\ …abcXYZ019_-+*/&|光机所';
  for (let i = 0; i < 60; i++) {
    const length = 1 + Math.floor(rnd() * 200);
    let text = '';
    for (let j = 0; j < length; j++) text += alphabet[Math.floor(rnd() * alphabet.length)];
    cases.push(post('syntax', `garbage-${i}`, { query: text }));
  }
  const fixed = [
    '',
    ' ',
    '{',
    '}',
    '{}',
    'query',
    'mutation {',
    '{ programs { id }',
    '{ programs { id } } }',
    'query ($x: ) { programs { id } }',
    '{ programs(includeSynthetic: ) { id } }',
    '{ programs { id name@ } }',
    '{ "programs" }',
    '{ programs { ... on } }',
    'subscription { programs { id } }',
    `{ chain(id: "${ids.chainId}", id: "x") { id } }`,
    '{ programs { id } } { leaders { id } }',
    'query A { programs { id } } query A { leaders { id } }',
    '{ noSuchField }',
    '{ programs { noSuchField } }',
    '{ programs }',
    '{ chain { id } }',
    '{ chain(id: 5.5) { id } }',
    '{ chain(id: "x") }',
    '{ search(text: "x") { entity } }',
    'fragment F on Chain { id }',
    '{ ...F }',
    '{ ... on Mutation { upsertSource } }',
    '{ programs { id } ',
    '\u0000{ programs { id } }',
    'query Q($id: ID!) { programs { id } }',
    'query Q { chain(id: $undefined) { id } }',
    '{ __type(name: 5) { name } }',
    `{ programs { id } } }${'}'.repeat(100)}`,
  ];
  fixed.forEach((query, i) => void cases.push(post('syntax', `fixed-${i}`, { query })));
  return cases;
}

function payload(): CorpusCase[] {
  const bodies = [
    'not json',
    '{',
    '[]',
    '[{"query":"{ programs { id } }"}]',
    '{"query": 5}',
    '{"query": null}',
    '{"query": {"a": 1}}',
    '{"query": ["{ programs { id } }"]}',
    '{}',
    '{"variables": {}}',
    '{"query":"{ programs { id } }","variables":"notobject"}',
    '{"query":"{ programs { id } }","variables":[1,2]}',
    '{"query":"{ programs { id } }","operationName":"Nope"}',
    '{"query":"query A { programs { id } } query B { leaders { id } }"}',
    '{"query":"query A { programs { id } } query B { leaders { id } }","operationName":5}',
    '{"query":"{ programs { id } }","extensions":"x"}',
    'null',
    'true',
    '"string"',
    '123',
    '{"query":"{ programs { id } }"',
    '{"query":"{ programs { id } }"}}',
    '{"query":"\\u0000"}',
    '{"query":"{ programs { id } }","variables":{"__proto__":{"polluted":true}}}',
    '{"__proto__":{"query":"{ programs { id } }"}}',
    '{"query":"{ programs { id } }","query":"mutation { upsertSource(input: {}) { id } }"}',
  ];
  // A duplicated key is ambiguous JSON: whichever the parser keeps, the answer must be sound.
  const cases = bodies.map((body, i) =>
    post('payload', `body-${i}`, body, {
      expect: body.includes('"query":"mutation') || body.includes('__proto__') ? 'any' : 'error',
    }),
  );
  // Deeply nested JSON in the body and in variables: the parser must refuse or cope, never crash.
  for (const depth of [1000, 10_000, 100_000]) {
    cases.push(post('payload', `nested-array-${depth}`, '['.repeat(depth) + ']'.repeat(depth)));
    cases.push(
      post(
        'payload',
        `nested-variables-${depth}`,
        `{"query":"{ programs { id } }","variables":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
        { expect: 'any' },
      ),
    );
    cases.push(
      post(
        'payload',
        `nested-object-${depth}`,
        `{"query":"{ programs { id } }","variables":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
        { expect: 'any' },
      ),
    );
  }
  return cases;
}

function variables(ids: CorpusIds): CorpusCase[] {
  const chain = 'query Q($id: ID!) { chain(id: $id) { id } }';
  const search =
    'query S($t: String!, $f: Int, $types: [EntityType!]) { search(text: $t, first: $f, types: $types) { score } }';
  const hood = 'query N($id: ID!, $d: Int, $l: Int) { neighborhood(id: $id, depth: $d, limit: $l) { truncated } }';
  const resp = 'query R($id: ID!, $at: Date) { responsibility(id: $id, at: $at) { relation } }';
  const bad: [string, Record<string, unknown>][] = [
    [chain, {}],
    [chain, { id: null }],
    [chain, { id: true }],
    [chain, { id: {} }],
    [chain, { id: [] }],
    [chain, { id: [ids.chainId] }],
    [chain, { id: 1.5 }],
    [search, {}],
    [search, { t: 5 }],
    [search, { t: null }],
    [search, { t: {} }],
    [search, { t: ['a'] }],
    [search, { t: 'a', f: '5' }],
    [search, { t: 'a', f: 2 ** 31 }],
    [search, { t: 'a', f: 1e300 }],
    [search, { t: 'a', f: 1.5 }],
    [search, { t: 'a', f: true }],
    [search, { t: 'a', types: ['NOT_A_TYPE'] }],
    [search, { t: 'a', types: [5] }],
    [search, { t: 'a', types: ['ENTERPRISE) DETACH DELETE n //'] }],
    [search, { t: 'a', types: [null] }],
    [hood, { id: ids.enterpriseId, d: 'deep' }],
    [hood, { id: ids.enterpriseId, l: -(2 ** 40) }],
    [resp, { id: ids.enterpriseId, at: '2023-13-45' }],
    [resp, { id: ids.enterpriseId, at: 'yesterday' }],
    [resp, { id: ids.enterpriseId, at: 12345 }],
    [resp, { id: ids.enterpriseId, at: '2023-02-30' }],
    [resp, { id: ids.enterpriseId, at: '' }],
    [resp, { id: ids.enterpriseId, at: '2023-06-28T00:00:00Z; DROP' }],
  ];
  const maybe: [string, Record<string, unknown>][] = [
    [chain, { id: 5 }],
    [search, { t: 'a', f: -1 }],
    [search, { t: 'a', f: 0 }],
    [search, { t: 'a', f: 2147483647 }],
    [search, { t: 'a', types: 'ENTERPRISE' }],
    [hood, { id: ids.enterpriseId, d: -1 }],
    [hood, { id: ids.enterpriseId, d: 2147483647 }],
    [hood, { id: ids.enterpriseId, l: 0 }],
    [hood, { id: ids.enterpriseId, l: 2147483647 }],
    [hood, { id: ids.enterpriseId, d: 0, l: -5 }],
    [
      'query P($a: ID!, $b: ID!, $h: Int) { path(from: $a, to: $b, maxHops: $h) { truncated } }',
      { a: ids.enterpriseId, b: ids.chainId, h: 2147483647 },
    ],
    [
      'query P($a: ID!, $b: ID!, $h: Int) { path(from: $a, to: $b, maxHops: $h) { truncated } }',
      { a: ids.enterpriseId, b: ids.chainId, h: -3 },
    ],
    ['query P($a: ID!) { path(from: $a, to: $a) { truncated } }', { a: ids.enterpriseId }],
    [chain, { id: ids.chainId, extra: 'ignored' }],
  ];
  return [
    ...bad.map(([query, vars], i) => post('variables', `wrong-type-${i}`, { query, variables: vars })),
    ...maybe.map(([query, vars], i) =>
      post('variables', `edge-value-${i}`, { query, variables: vars }, { expect: 'any' }),
    ),
  ];
}

function nesting(ids: CorpusIds): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const depth of [13, 15, 20, 30, 50, 100, 200, 500]) {
    let inner = 'id';
    for (let i = 0; i < depth; i++) inner = `children { ${inner} }`;
    cases.push(
      post('nesting', `segments-${depth}`, {
        query: `query Q($id: ID!) { chain(id: $id) { segments { ${inner} } } }`,
        variables: { id: ids.chainId },
      }),
    );
    let schema = 'name';
    for (let i = 0; i < depth; i++) schema = i % 2 ? `fields { type { ${schema} } }` : `ofType { ${schema} }`;
    cases.push(post('nesting', `introspection-${depth}`, { query: `{ __schema { types { ${schema} } } }` }));
  }
  for (const depth of [50, 300, 2000]) {
    cases.push(
      post(
        'nesting',
        `inline-fragments-${depth}`,
        { query: `{ ${'... on Query { '.repeat(depth)}programs { id }${' }'.repeat(depth)} }` },
        { expect: 'any' },
      ),
    );
  }
  cases.push(
    post('nesting', 'chain-program-cycle', {
      query: `query Q($id: ID!) { chain(id: $id) { ${'program { chains { '.repeat(8)}id${' } }'.repeat(8)} } }`,
      variables: { id: ids.chainId },
    }),
  );
  return cases;
}

function bombs(ids: CorpusIds): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const n of [31, 50, 100, 1000, 5000]) {
    cases.push(
      post('bomb', `aliases-${n}`, {
        query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: programs { id }`).join(' ')} }`,
      }),
    );
  }
  cases.push(
    post('bomb', 'aliases-heavy-31', {
      query: `query Q($id: ID!) { ${Array.from({ length: 31 }, (_, i) => `a${i}: neighborhood(id: $id, depth: 3, limit: 1000) { nodes { id } }`).join(' ')} }`,
      variables: { id: ids.enterpriseId },
    }),
  );
  for (const n of [6000, 20_000])
    cases.push(post('bomb', `duplicate-fields-${n}`, { query: `{ programs { ${'id '.repeat(n)}} }` }));
  cases.push(
    post('bomb', 'duplicate-fields-1000', { query: `{ programs { ${'id '.repeat(1000)}} }` }, { expect: 'any' }),
  );
  cases.push(
    post('bomb', 'fragment-cycle', { query: 'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }' }),
  );
  cases.push(post('bomb', 'fragment-self', { query: 'fragment A on Query { programs { id } ...A } { ...A }' }));
  for (const levels of [10, 20, 30, 40, 50]) {
    const fragments = ['fragment F0 on Query { programs { id name chains { id name } } }'];
    for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    cases.push(
      post(
        'bomb',
        `fragment-fanout-${levels}`,
        { query: `${fragments.join(' ')} { ...F${levels} }` },
        { expect: 'any' },
      ),
    );
    const wide = ['fragment W0 on Chain { id name }'];
    for (let i = 1; i <= levels; i++) wide.push(`fragment W${i} on Chain { a${i}: segments { id } ...W${i - 1} }`);
    // One alias per level: refused only past the alias limit (30).
    cases.push(
      post(
        'bomb',
        `fragment-aliases-${levels}`,
        {
          query: `${wide.join(' ')} query Q($id: ID!) { chain(id: $id) { ...W${levels} } }`,
          variables: { id: ids.chainId },
        },
        { expect: levels > 30 ? 'error' : 'any' },
      ),
    );
  }
  for (const n of [60, 1000])
    cases.push(post('bomb', `directives-${n}`, { query: `{ programs ${'@include(if: true) '.repeat(n)}{ id } }` }));
  cases.push(post('bomb', 'unknown-directive', { query: '{ programs @exec(cmd: "rm -rf /") { id } }' }));
  cases.push(
    post('bomb', 'many-operations', {
      query: Array.from({ length: 2000 }, (_, i) => `query Q${i} { programs { id } }`).join(' '),
      operationName: 'Q7',
    }),
  );
  cases.push(
    post('bomb', 'many-variables', {
      query: `query Q(${Array.from({ length: 3000 }, (_, i) => `$v${i}: Int`).join(', ')}) { programs { id } }`,
    }),
  );
  return cases;
}

function huge(ids: CorpusIds): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const search = 'query S($t: String!) { search(text: $t) { score entity { id } } }';
  for (const n of [1000, 10_000, 100_000, 400_000]) {
    cases.push(
      post(
        'huge',
        `search-text-${n}`,
        { query: search, variables: { t: '光'.repeat(n / 2) + 'a'.repeat(n / 2) } },
        { expect: 'any' },
      ),
    );
    cases.push(
      post(
        'huge',
        `node-id-${n}`,
        { query: 'query N($id: ID!) { node(id: $id) { id } }', variables: { id: `ent:${'x'.repeat(n)}` } },
        { expect: 'any' },
      ),
    );
  }
  cases.push(post('huge', 'search-text-2MB', { query: search, variables: { t: 'a'.repeat(2_000_000) } }));
  cases.push(post('huge', 'query-2MB', { query: `{ programs { id } } ${'#'.repeat(2_000_000)}` }));
  for (const n of [10_000, 50_000]) {
    cases.push(
      post(
        'huge',
        `nodes-ids-${n}`,
        {
          query: 'query N($ids: [ID!]!) { nodes(ids: $ids) { id } }',
          variables: { ids: Array.from({ length: n }, (_, i) => `ent:x${i}`) },
        },
        { expect: 'any' },
      ),
    );
  }
  cases.push(
    post(
      'huge',
      'centrality-6000-ids',
      {
        query: 'query C($ids: [ID!]) { centrality(ids: $ids) { __typename } }',
        variables: { ids: Array.from({ length: 6000 }, (_, i) => `ent:x${i}`) },
      },
      { expect: 'any' },
    ),
  );
  cases.push(
    post(
      'huge',
      'types-list-100k',
      {
        query: 'query S($types: [EntityType!]) { search(text: "光", types: $types) { score } }',
        variables: { types: Array(100_000).fill('ENTERPRISE') },
      },
      { expect: 'any' },
    ),
  );
  cases.push(
    post('huge', 'whitespace-900k', { query: `${' '.repeat(900_000)}{ programs { id } }` }, { expect: 'any' }),
  );
  cases.push(
    post(
      'huge',
      'variables-10k-keys',
      {
        query: '{ programs { id } }',
        variables: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
      },
      { expect: 'any' },
    ),
  );
  cases.push(post('huge', 'operation-name-100k', { query: '{ programs { id } }', operationName: 'x'.repeat(100_000) }));
  cases.push(
    post(
      'huge',
      'string-literal-500k',
      { query: `{ search(text: "${'长'.repeat(150_000)}") { score } }` },
      { expect: 'any' },
    ),
  );
  cases.push(
    post(
      'huge',
      'whatif-landing-5000',
      {
        query: 'query W($c: ID!, $l: [LandingInput!]) { whatIf(chainId: $c, landing: $l) { __typename } }',
        variables: {
          c: ids.chainId,
          l: Array.from({ length: 5000 }, (_, i) => ({ enterpriseId: `ent:x${i}`, segmentId: ids.segmentId })),
        },
      },
      { expect: 'any' },
    ),
  );
  return cases;
}

export function shapeCases(ids: CorpusIds): CorpusCase[] {
  return [...syntax(ids), ...payload(), ...variables(ids), ...nesting(ids), ...bombs(ids), ...huge(ids)];
}
