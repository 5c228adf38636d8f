// Bad-input corpus, part 3: write, file- and URL-loading and administration attempts in `cypher`,
// wrong and missing tokens, fields above the caller's role, hostile curation input, and requests that
// are wrong at the HTTP level (methods, content types, sizes, paths outside the web root).
import { JSON_HEADERS, post, type CorpusCase, type CorpusIds, type CorpusTokens } from './corpus-types.js';

export const CYPHER_WRITES = [
  'CREATE (n:Hack) RETURN n',
  'MERGE (n:Hack {id: 1}) RETURN n',
  'MATCH (n) SET n.hacked = true RETURN count(n)',
  'MATCH (n) DETACH DELETE n',
  'MATCH (n) DELETE n',
  'MATCH (n) REMOVE n.name RETURN n',
  'MATCH (n:Chain) SET n:Hacked RETURN n',
  'MATCH (n:Chain) REMOVE n:Chain RETURN n',
  'LOAD CSV FROM "file:///etc/passwd" AS line RETURN line',
  'LOAD CSV WITH HEADERS FROM "http://127.0.0.1:9/x.csv" AS l RETURN l',
  'LOAD CSV FROM "https://example.com/x.csv" AS l RETURN l',
  'CALL { CREATE (:Hack) } IN TRANSACTIONS',
  'UNWIND range(1, 10) AS i CALL (i) { CREATE (:Hack {i: i}) } IN TRANSACTIONS OF 2 ROWS',
  'FOREACH (x IN [1] | CREATE (:Hack))',
  'CALL apoc.create.node(["Hack"], {}) YIELD node RETURN node',
  'CALL apoc.cypher.runWrite("CREATE (:Hack)", {}) YIELD value RETURN value',
  'CALL apoc.cypher.doIt("CREATE (:Hack)", {}) YIELD value RETURN value',
  'CALL apoc.periodic.iterate("MATCH (n) RETURN n", "DETACH DELETE n", {})',
  'CALL apoc.load.json("file:///etc/passwd") YIELD value RETURN value',
  'CALL apoc.load.csv("file:///etc/passwd") YIELD map RETURN map',
  'CALL apoc.import.csv([], [], {})',
  'CALL apoc.export.csv.all("/tmp/kg-hack.csv", {})',
  'CALL apoc.merge.node(["Hack"], {id: 1}) YIELD node RETURN node',
  'CALL apoc.refactor.rename.label("Chain", "Hack")',
  'CALL apoc.trigger.add("t", "CREATE (:Hack)", {})',
  'CALL apoc.schema.assert({}, {})',
  'CALL apoc.util.sleep(60000)',
  'CALL apoc.systemdb.execute("SHOW USERS") YIELD row RETURN row',
  'CALL db.createLabel("Hack")',
  'CALL db.createProperty("hack")',
  'CALL db.createRelationshipType("HACK")',
  'CALL dbms.setConfigValue("db.transaction.timeout", "0")',
  'CALL dbms.security.createUser("hack", "hack123456", false)',
  'CREATE USER hack SET PASSWORD "secret12345"',
  'ALTER USER neo4j SET PASSWORD "x12345678"',
  'SHOW USERS',
  'DROP DATABASE neo4j',
  'CREATE DATABASE hack',
  'STOP DATABASE neo4j',
  'CREATE INDEX hack FOR (n:Chain) ON (n.hack)',
  'DROP INDEX entity_search',
  'DROP CONSTRAINT uniq_Chain_id',
  'CREATE CONSTRAINT hack FOR (n:Hack) REQUIRE n.id IS UNIQUE',
  'USE system SHOW USERS',
  'MATCH (n) RETURN n; CREATE (:Hack)',
  'MATCH (n) WITH n LIMIT 1 CALL (n) { SET n.hacked = 1 } RETURN n',
  'WITH 1 AS x CREATE (:Hack)',
  'EXPLAIN CREATE (:Hack)',
  'PROFILE CREATE (:Hack)',
  'CYPHER runtime=slotted CREATE (:Hack)',
  'TERMINATE TRANSACTIONS "neo4j-transaction-1"',
  'MATCH (n RETURN n',
  '',
  ' ',
  ';',
  'RETURN',
  'MATCH (n) RETURN n LIMIT -1',
];

/** Spellings that a naive keyword filter would miss. */
function variants(cypher: string): string[] {
  const mixed = cypher.replace(/[a-z]/gi, (c, i: number) => (i % 2 ? c.toLowerCase() : c.toUpperCase()));
  return [cypher, mixed, `/* harmless */\n  // comment\n\t${cypher}`];
}

function cypherCases(tokens: CorpusTokens): CorpusCase[] {
  const q = 'query C($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated } }';
  const cases: CorpusCase[] = [];
  CYPHER_WRITES.forEach(
    (statement, i) =>
      void variants(statement).forEach(
        (text, v) =>
          void cases.push(
            post('cypher-write', `${i}-${v}`, { query: q, variables: { q: text } }, { token: tokens.analyst }),
          ),
      ),
  );
  CYPHER_WRITES.slice(0, 12).forEach((statement, i) => {
    cases.push(post('cypher-write', `public-${i}`, { query: q, variables: { q: statement } }));
    cases.push(
      post('cypher-write', `editor-${i}`, { query: q, variables: { q: statement } }, { token: tokens.editor }),
    );
  });
  // Reads that are allowed but hostile: they must end by the time or row limit, or answer.
  const reads = [
    'MATCH (a), (b), (c), (d) RETURN count(*)',
    'UNWIND range(1, 100000000) AS x RETURN sum(x)',
    'MATCH p = (a)-[*]-(b) RETURN count(p)',
    'MATCH (n {id: $id}) RETURN n',
    'CALL db.labels() YIELD label RETURN label',
    'CALL dbms.showCurrentUser()',
    'CALL dbms.listConfig() YIELD name, value RETURN name, value',
    'CALL dbms.components()',
    'SHOW PROCEDURES YIELD name RETURN name',
    'SHOW TRANSACTIONS',
    'RETURN apoc.version()',
    'CALL apoc.meta.schema() YIELD value RETURN value',
  ];
  const params: unknown[] = [
    { id: "x' DETACH DELETE n //" },
    'not-an-object',
    [1, 2],
    5,
    { id: { $ne: null } },
    null,
    { '`': 1 },
  ];
  reads.forEach(
    (statement, i) =>
      void cases.push(
        post(
          'cypher-read',
          `${i}`,
          { query: q, variables: { q: statement, p: { id: 'x' } } },
          { token: tokens.analyst, expect: 'any' },
        ),
      ),
  );
  params.forEach(
    (p, i) =>
      void cases.push(
        post(
          'cypher-read',
          `params-${i}`,
          { query: q, variables: { q: 'MATCH (n {id: $id}) RETURN n.id AS id', p } },
          { token: tokens.analyst, expect: 'any' },
        ),
      ),
  );
  return cases;
}

function tokenCases(tokens: CorpusTokens, neo4jPassword: string): CorpusCase[] {
  const wrong = [
    `Bearer ${'z'.repeat(24)}`,
    `Bearer ${tokens.analyst.slice(0, -1)}${tokens.analyst.endsWith('x') ? 'y' : 'x'}`,
    `Bearer ${tokens.analyst}x`,
    `Bearer ${tokens.analyst.slice(0, tokens.analyst.length / 2)}`,
    `Bearer ${tokens.admin.toUpperCase()}`,
    'Basic dXNlcjpwYXNz',
    'Bearer',
    'Bearer    ',
    `Bearer ${'x'.repeat(10_000)}`,
    `Token ${tokens.analyst}`,
    `Bearer ${neo4jPassword}`,
    `Bearer neo4j:${neo4jPassword}`,
    'Bearer null',
    'Bearer undefined',
    `Bearer ${tokens.analyst} ${tokens.admin}`,
    `Bearer ${tokens.analyst},Bearer ${tokens.admin}`,
  ];
  const queries = [
    { query: '{ programs { id } }' },
    { query: 'query C($q: String!) { cypher(query: $q) { rows } }', variables: { q: 'RETURN 1' } },
    { query: '{ auditTrail { entries { id } } }' },
  ];
  const cases: CorpusCase[] = [];
  wrong.forEach(
    (header, i) =>
      void queries.forEach(
        (payload, j) =>
          void cases.push(post('token', `wrong-${i}-${j}`, payload, { headers: { authorization: header } })),
      ),
  );
  return cases;
}

function forbiddenCases(tokens: CorpusTokens, ids: CorpusIds): CorpusCase[] {
  const analystFields = [
    { query: 'query C($q: String!) { cypher(query: $q) { rows } }', variables: { q: 'RETURN 1' } },
    { query: 'query R($s: ID!) { recommendTargets(segmentId: $s) { score } }', variables: { s: ids.segmentId } },
    { query: 'query T($id: ID!) { chain(id: $id) { targets { stage } } }', variables: { id: ids.chainId } },
    {
      query: 'query T($id: ID!) { node(id: $id) { ... on Enterprise { targetFor { stage } } } }',
      variables: { id: ids.enterpriseId },
    },
    {
      query: 'query T($id: ID!) { node(id: $id) { ... on Segment { targets { stage } } } }',
      variables: { id: ids.segmentId },
    },
  ];
  const editorFields = [
    { query: '{ proposals { id } }' },
    { query: 'mutation { upsertSource(input: {id: "source:hack", name: "x", kind: "news"}) { id } }' },
    {
      query: `mutation { upsertEnterprise(input: {id: "ent:hack", name: "x", local: true, sources: ["${ids.sourceId}"]}) { id } }`,
    },
    {
      query: `mutation { linkEnterpriseToSegment(input: {enterpriseId: "${ids.enterpriseId}", segmentId: "${ids.segmentId}", sources: ["${ids.sourceId}"]}) { id } }`,
    },
    {
      query: `mutation { linkEnterpriseToDistrict(input: {enterpriseId: "${ids.enterpriseId}", districtId: "${ids.districtId}", sources: ["${ids.sourceId}"]}) { id } }`,
    },
    {
      query: `mutation { recordTargetStage(input: {enterpriseId: "${ids.enterpriseId}", targetId: "${ids.segmentId}", stage: "在谈", since: "2024-01-01", sources: ["${ids.sourceId}"]}) { stage } }`,
    },
    {
      query: `mutation { proposeFact(input: {node: {id: "ent:hack", properties: {name: "x"}}, sources: ["${ids.sourceId}"], quote: "x"}) { id } }`,
    },
    { query: 'mutation { importCsv(csv: "name,local\\nx,true", kind: ENTERPRISES) { errors { message } } }' },
  ];
  const adminFields = [
    { query: '{ auditTrail { entries { id } } }' },
    { query: 'mutation { reviewProposal(id: "proposal:1", decision: CONFIRM) { id } }' },
  ];
  const cases: CorpusCase[] = [];
  analystFields.forEach((p, i) => void cases.push(post('forbidden', `public-analyst-${i}`, p)));
  editorFields.forEach((p, i) => {
    cases.push(post('forbidden', `public-editor-${i}`, p));
    cases.push(post('forbidden', `analyst-editor-${i}`, p, { token: tokens.analyst }));
  });
  adminFields.forEach((p, i) => {
    cases.push(post('forbidden', `public-admin-${i}`, p));
    cases.push(post('forbidden', `editor-admin-${i}`, p, { token: tokens.editor }));
  });
  return cases;
}

/** Curation input an editor might send by mistake or malice: each must be refused and write nothing. */
function mutationCases(tokens: CorpusTokens, ids: CorpusIds): CorpusCase[] {
  const upsert = 'mutation M($i: EnterpriseInput!) { upsertEnterprise(input: $i) { id } }';
  const good = { id: 'ent:corpus-probe', name: '探针企业', local: true, sources: [ids.sourceId] };
  const badEnterprises: Record<string, unknown>[] = [
    { ...good, id: "ent:x'}) DETACH DELETE n //" },
    { ...good, id: ids.chainId },
    { ...good, id: 'ent:' },
    { ...good, id: 'ENT:UPPER' },
    { ...good, id: 'ent:a b' },
    { ...good, sources: ['source:does-not-exist'] },
    { ...good, sources: [] },
    { ...good, name: '' },
    { ...good, name: '   ' },
    { ...good, local: 'yes' },
    { ...good, aliases: Array(20_000).fill('别名') },
    { ...good, outputYuan: -1e308 },
    { ...good, uscc: "'; DROP" },
    { ...good, tags: [null] },
    { ...good, confidence: 'CERTAIN' },
    { ...good, status: 'PROPOSED' },
    { id: good.id },
    { ...good, extra: 'field' },
    { ...good, name: '\u0000' },
    { ...good, sources: [ids.enterpriseId] },
  ];
  const cases = badEnterprises.map((input, i) =>
    post('mutation', `enterprise-${i}`, { query: upsert, variables: { i: input } }, { token: tokens.editor }),
  );
  const others: [string, Record<string, unknown>][] = [
    [
      'mutation M($i: SegmentLinkInput!) { linkEnterpriseToSegment(input: $i) { id } }',
      { i: { enterpriseId: 'ent:nope', segmentId: ids.segmentId, sources: [ids.sourceId] } },
    ],
    [
      'mutation M($i: SegmentLinkInput!) { linkEnterpriseToSegment(input: $i) { id } }',
      { i: { enterpriseId: ids.enterpriseId, segmentId: ids.chainId, sources: [ids.sourceId] } },
    ],
    [
      'mutation M($i: DistrictLinkInput!) { linkEnterpriseToDistrict(input: $i) { id } }',
      { i: { enterpriseId: ids.enterpriseId, districtId: ids.segmentId, sources: [ids.sourceId] } },
    ],
    [
      'mutation M($i: TargetStageInput!) { recordTargetStage(input: $i) { stage } }',
      {
        i: {
          enterpriseId: ids.enterpriseId,
          targetId: ids.segmentId,
          stage: 'hacked',
          since: '2024-01-01',
          sources: [ids.sourceId],
        },
      },
    ],
    [
      'mutation M($i: TargetStageInput!) { recordTargetStage(input: $i) { stage } }',
      {
        i: {
          enterpriseId: ids.enterpriseId,
          targetId: ids.districtId,
          stage: '在谈',
          since: '2024-01-01',
          sources: [ids.sourceId],
        },
      },
    ],
    [
      'mutation M($i: TargetStageInput!) { recordTargetStage(input: $i) { stage } }',
      {
        i: {
          enterpriseId: ids.enterpriseId,
          targetId: ids.segmentId,
          stage: '在谈',
          since: '2024-02-31',
          sources: [ids.sourceId],
        },
      },
    ],
    [
      'mutation M($i: ProposalInput!) { proposeFact(input: $i) { id } }',
      { i: { sources: [ids.sourceId], quote: 'x' } },
    ],
    [
      'mutation M($i: ProposalInput!) { proposeFact(input: $i) { id } }',
      {
        i: {
          node: { id: 'ent:p', properties: { name: 'x' } },
          relationship: { type: 'SUPPLIES', from: ids.enterpriseId, to: ids.enterpriseId },
          sources: [ids.sourceId],
          quote: 'x',
        },
      },
    ],
    [
      'mutation M($i: ProposalInput!) { proposeFact(input: $i) { id } }',
      {
        i: {
          relationship: { type: 'DETACH DELETE', from: ids.enterpriseId, to: ids.chainId },
          sources: [ids.sourceId],
          quote: 'x',
        },
      },
    ],
    [
      'mutation M($i: ProposalInput!) { proposeFact(input: $i) { id } }',
      {
        i: {
          relationship: { type: 'PATRON_OF', from: ids.enterpriseId, to: ids.chainId },
          sources: [ids.sourceId],
          quote: 'x',
        },
      },
    ],
    [
      'mutation M($i: ProposalInput!) { proposeFact(input: $i) { id } }',
      {
        i: {
          node: { id: ids.chainId, properties: { 'name`: "x"}) DETACH DELETE n //': 1 } },
          sources: [ids.sourceId],
          quote: 'x',
        },
      },
    ],
    [
      'mutation M($i: ProposalInput!) { proposeFact(input: $i) { id } }',
      { i: { node: { id: 'ent:p2', properties: 'not an object' }, sources: [ids.sourceId], quote: 'x' } },
    ],
    [
      'mutation M($i: ProposalInput!) { proposeFact(input: $i) { id } }',
      { i: { node: { id: 'ent:p3', properties: { name: 'x' } }, sources: ['source:none'], quote: 'x' } },
    ],
    [
      'mutation M($i: SourceInput!) { upsertSource(input: $i) { id } }',
      { i: { id: 'source:Bad Id', name: 'x', kind: 'news' } },
    ],
    [
      'mutation M($i: SourceInput!) { upsertSource(input: $i) { id } }',
      { i: { id: 'source:ok-probe', name: 'x', kind: 'rumour' } },
    ],
    [
      'mutation M($i: SourceInput!) { upsertSource(input: $i) { id } }',
      { i: { id: 'source:ok-probe2', name: '', kind: 'news' } },
    ],
    ['mutation { reviewProposal(id: "proposal:nope", decision: CONFIRM) { id } }', {}],
  ];
  others.forEach(
    ([query, variables], i) =>
      void cases.push(
        post(
          'mutation',
          `other-${i}`,
          { query, variables },
          { token: i === others.length - 1 ? tokens.admin : tokens.editor },
        ),
      ),
  );
  const csvs = [
    'name,local\n"unterminated,true',
    'a,b,c\n1,2,3',
    '',
    '\uFEFF',
    `name,local,sources\n=cmd|' /C calc'!A0,true,source:none`,
    `name,local\n${'x,maybe\n'.repeat(50)}`,
  ];
  csvs.forEach(
    (csv, i) =>
      void cases.push(
        post(
          'mutation',
          `import-${i}`,
          {
            query:
              'mutation M($c: String) { importCsv(csv: $c, kind: ENTERPRISES) { errors { message } importRunId } }',
            variables: { c: csv },
          },
          { token: tokens.editor, expect: 'any' },
        ),
      ),
  );
  cases.push(
    post(
      'mutation',
      'import-base64-garbage',
      { query: 'mutation { importCsv(base64: "!!!not base64!!!", kind: RELATIONSHIPS) { errors { message } } }' },
      { token: tokens.editor, expect: 'any' },
    ),
  );
  cases.push(
    post(
      'mutation',
      'import-nothing',
      { query: 'mutation { importCsv { errors { message } } }' },
      { token: tokens.editor, expect: 'any' },
    ),
  );
  cases.push(
    post(
      'mutation',
      'mutation-over-get-like',
      {
        query: 'mutation { upsertSource(input: {id: "source:x", name: "x", kind: "news"}) { id } }',
        operationName: 'Nope',
      },
      { token: tokens.editor },
    ),
  );
  return cases;
}

function httpCases(): CorpusCase[] {
  const body = JSON.stringify({ query: '{ programs { id } }' });
  const mutation = encodeURIComponent(
    'mutation { upsertSource(input: {id: "source:get", name: "x", kind: "news"}) { id } }',
  );
  const cases: CorpusCase[] = [
    ...['PUT', 'DELETE', 'PATCH'].map((method) => ({
      name: `http/method-${method}`,
      category: 'http',
      method,
      path: '/graphql',
      headers: JSON_HEADERS,
      body,
      expect: 'error' as const,
    })),
    {
      name: 'http/get-mutation',
      category: 'http',
      method: 'GET',
      path: `/graphql?query=${mutation}`,
      headers: { accept: 'application/json' },
      expect: 'error',
    },
    {
      name: 'http/get-bad-variables',
      category: 'http',
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ programs { id } }')}&variables=notjson`,
      headers: { accept: 'application/json' },
      expect: 'error',
    },
    {
      name: 'http/get-no-query',
      category: 'http',
      method: 'GET',
      path: '/graphql?variables={}',
      headers: { accept: 'application/json' },
      expect: 'error',
    },
    {
      name: 'http/get-huge-url',
      category: 'http',
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(`{ programs { id } } #${'x'.repeat(100_000)}`)}`,
      headers: { accept: 'application/json' },
      expect: 'any',
    },
    {
      name: 'http/text-plain',
      category: 'http',
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'text/plain', accept: 'application/json' },
      body: '{ programs { id } }',
      expect: 'any',
    },
    {
      name: 'http/form',
      category: 'http',
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: `query=${mutation}`,
      expect: 'any',
    },
    {
      name: 'http/multipart-garbage',
      category: 'http',
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz', accept: 'application/json' },
      body: '--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{bad\r\n--xyz--',
      expect: 'any',
    },
    {
      name: 'http/no-content-type',
      category: 'http',
      method: 'POST',
      path: '/graphql',
      headers: { accept: 'application/json' },
      body,
      expect: 'any',
    },
    {
      name: 'http/xml',
      category: 'http',
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/xml', accept: 'application/json' },
      body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><q>&e;</q>',
      expect: 'any',
    },
    {
      name: 'http/body-3MB',
      category: 'http',
      method: 'POST',
      path: '/graphql',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: '{ programs { id } }', variables: { x: 'a'.repeat(3_000_000) } }),
      expect: 'error',
    },
    {
      name: 'http/accept-weird',
      category: 'http',
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', accept: 'image/png' },
      body,
      expect: 'any',
    },
  ];
  const paths = [
    '/../../.neo4j/instances/test/password',
    '/%2e%2e/%2e%2e/package.json',
    '/..%2f..%2fpackage.json',
    '/web/../../package.json',
    '/.env',
    '/server/config.ts',
    '/%00',
    '/index.html%00.js',
    '/assets/../../../../etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/....//....//etc/passwd',
    '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    '/graphql/../package.json',
    '/healthz/../../package.json',
    `/${'a/'.repeat(2000)}`,
    '/%ZZ',
  ];
  paths.forEach(
    (path, i) =>
      void cases.push({
        name: `http/path-${i}`,
        category: 'http-static',
        method: 'GET',
        path,
        headers: {},
        expect: 'any',
      }),
  );
  return cases;
}

export function accessCases(tokens: CorpusTokens, ids: CorpusIds, neo4jPassword: string): CorpusCase[] {
  return [
    ...cypherCases(tokens),
    ...tokenCases(tokens, neo4jPassword),
    ...forbiddenCases(tokens, ids),
    ...mutationCases(tokens, ids),
    ...httpCases(),
  ];
}
