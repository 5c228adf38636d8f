// Latency of each root field of the API (through app.fetch: parse, validate, resolve, serialise) and
// of the very same Cypher replayed straight through the driver, with p50/p95 and their ratio.
// Runs against whatever Neo4j NEO4J_URI names (never starts or empties one):
//   NEO4J_URI=bolt://127.0.0.1:7702 NEO4J_PASSWORD=… npx tsx tests/bench/api-latency.ts [--iterations 40] [--synthetic]
// --synthetic measures on the synthetic program (synth data) instead of the shipped one.
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { createDriver, externalSettings } from '../../graph/connection.js';
import { createExecutor } from '../../graph/executor.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

interface Captured {
  cypher: string;
  params: Record<string, unknown>;
}

/** A driver whose read transactions record their queries (the last attempt of each). */
function capturing(real: Driver) {
  const log: Captured[][] = [];
  const wrapTx = (tx: ManagedTransaction, into: Captured[]) =>
    new Proxy(tx, {
      get: (t, p, r) =>
        p === 'run'
          ? (cypher: string, params?: Record<string, unknown>) => {
              into.push({ cypher, params: params ?? {} });
              return t.run(cypher, params);
            }
          : typeof Reflect.get(t, p, r) === 'function'
            ? Reflect.get(t, p, r).bind(t)
            : Reflect.get(t, p, r),
    });
  const wrapSession = (s: Session) =>
    new Proxy(s, {
      get: (t, p, r) => {
        if (p === 'executeRead' || p === 'executeWrite') {
          return (work: (tx: ManagedTransaction) => Promise<unknown>, config?: unknown) => {
            const into: Captured[] = [];
            log.push(into);
            return (t[p] as Session['executeRead'])((tx) => {
              into.length = 0;
              return work(wrapTx(tx, into));
            }, config as never);
          };
        }
        const v = Reflect.get(t, p, r);
        return typeof v === 'function' ? v.bind(t) : v;
      },
    });
  const driver = new Proxy(real, {
    get: (t, p, r) =>
      p === 'session'
        ? (c?: object) => wrapSession(t.session(c))
        : typeof Reflect.get(t, p, r) === 'function'
          ? Reflect.get(t, p, r).bind(t)
          : Reflect.get(t, p, r),
  });
  return { driver, take: () => log.splice(0) };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function main() {
  const args = process.argv.slice(2);
  const iterations = Number(args[args.indexOf('--iterations') + 1]) || 40;
  const synthetic = args.includes('--synthetic');
  const settings = externalSettings();
  if (!settings)
    throw new Error(
      'Set NEO4J_URI and NEO4J_PASSWORD to the Neo4j holding the data to measure (e.g. your test instance).',
    );
  const real = createDriver(settings);
  const capture = capturing(real);
  const token = 'bench-analyst-token-0123456789';
  const app = createApp({
    executor: createExecutor(capture.driver, { timeoutMs: 120_000 }),
    config: loadConfig({ KG_TOKENS: `analyst:${token}` }),
  });

  const direct = createExecutor(real);
  const [ids] = await direct.query(
    `MATCH (pg:Program) WHERE coalesce(pg.synthetic, false) = $synthetic
     MATCH (c:Chain)-[:PART_OF]->(pg)
     CALL (c) { MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->{1,6}(c) RETURN count(DISTINCT e) AS firms }
     WITH pg, c ORDER BY firms DESC, c.id LIMIT 1
     MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->{1,6}(c)
     WITH pg, c, e ORDER BY e.id LIMIT 1
     OPTIONAL MATCH (u:University) WHERE coalesce(u.synthetic, false) = $synthetic
     WITH pg, c, e, u ORDER BY u.id LIMIT 1
     RETURN pg.id AS program, c.id AS chain, e.id AS firm, e.name AS firmName, coalesce(u.id, e.id) AS other`,
    { synthetic },
  );
  if (!ids)
    throw new Error(
      'No program with a chain and firms in this database: load the data first (npm run seed -- load / synth).',
    );
  const S = synthetic ? ', includeSynthetic: true' : '';
  const ENTITY = 'id type name aliases confidence status citations { quote source { id name url } }';
  const SLICE = 'nodes { id type label data } edges { id source target type data citations { quote } } truncated';
  const cases: { field: string; query: string; analyst?: boolean }[] = [
    {
      field: 'node',
      query: `{ node(id: "${ids.firm}") { ${ENTITY} ... on Enterprise { local segments { role citations { quote } entity { id name } } districts { entity { id name } } } } }`,
    },
    {
      field: 'search',
      query: `{ search(text: "${String(ids.firmName).slice(0, 4)}"${S}) { score entity { id name type } } }`,
    },
    {
      field: 'search (1 char)',
      query: `{ search(text: "${String(ids.firmName).slice(0, 1)}"${S}) { score entity { id name } } }`,
    },
    {
      field: 'programs',
      query: `{ programs${synthetic ? '(includeSynthetic: true)' : ''} { ${ENTITY} chains { id name kind } coordinators { leader { name } } } }`,
    },
    {
      field: 'chains',
      query: `{ chains(programId: "${ids.program}") { ${ENTITY} kind identified enterpriseCount patrons { leader { name } citations { quote } } owners { leader { name } } } }`,
    },
    {
      field: 'chain',
      query: `{ chain(id: "${ids.chain}") { ${ENTITY} kind enterpriseCount patrons { leader { name holders { person { name } } } citations { quote source { name } } }
        owners { leader { name } } segments { id name level enterpriseCount children { id name enterpriseCount enterprises(first: 20) { role entity { id name } } } }
        districts { role entity { id name } citations { quote } } supporters { entity { name } } leadEnterprises { entity { name } } policies { entity { name } } kpis { metric targetValue } } }`,
    },
    {
      field: 'leaders',
      query: `{ leaders${synthetic ? '(includeSynthetic: true)' : ''} { ${ENTITY} title body patronOf { id } ownerOf { id } holders { person { name } } } }`,
    },
    { field: 'neighborhood', query: `{ neighborhood(id: "${ids.firm}", depth: 2, limit: 200) { ${SLICE} } }` },
    { field: 'path', query: `{ path(from: "${ids.firm}", to: "${ids.other}", maxHops: 6) { ${SLICE} } }` },
    {
      field: 'responsibility',
      query: `{ responsibility(id: "${ids.firm}") { relation hops leader { name } via { id } holders { person { name } } path { ${SLICE} } } }`,
    },
    {
      field: 'cypher',
      analyst: true,
      query: `{ cypher(query: "MATCH (c:Chain)<-[:PART_OF]-(s:Segment) RETURN c.name AS chain, count(s) AS segments ORDER BY segments DESC") { columns rows truncated } }`,
    },
  ];

  const post = async (query: string, analyst?: boolean) => {
    const response = await app.fetch(
      new Request('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(analyst ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      }),
    );
    const body = (await response.json()) as { errors?: unknown[]; extensions?: { transactions?: number } };
    if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
    return body;
  };
  const replay = async (transactions: Captured[][]) => {
    for (const queries of transactions) {
      const session = real.session({ defaultAccessMode: neo4j.session.READ, database: settings.database });
      try {
        await session.executeRead(async (tx) => {
          for (const q of queries) await tx.run(q.cypher, q.params);
        });
      } finally {
        await session.close();
      }
    }
  };

  console.log(
    `${iterations} iterations per field on ${settings.uri} (${synthetic ? 'synthetic' : 'shipped'} program ${ids.program}, chain ${ids.chain})\n`,
  );
  console.log('field            | GraphQL p50 / p95 ms | driver p50 / p95 ms | ratio p50 | tx | queries');
  for (const c of cases) {
    capture.take();
    const body = await post(c.query, c.analyst);
    const transactions = capture.take();
    for (let i = 0; i < 5; i++) {
      await post(c.query, c.analyst);
      await replay(transactions);
    }
    const api: number[] = [];
    const drv: number[] = [];
    for (let i = 0; i < iterations; i++) {
      let t = performance.now();
      await post(c.query, c.analyst);
      api.push(performance.now() - t);
      t = performance.now();
      await replay(transactions);
      drv.push(performance.now() - t);
    }
    capture.take();
    const f = (n: number) => n.toFixed(1).padStart(6);
    console.log(
      `${c.field.padEnd(16)} | ${f(percentile(api, 50))} / ${f(percentile(api, 95))}     | ${f(percentile(drv, 50))} / ${f(percentile(drv, 95))}    | ${(percentile(api, 50) / percentile(drv, 50)).toFixed(2).padStart(9)} | ${String(body.extensions?.transactions ?? '?').padStart(2)} | ${transactions.map((t) => t.length).join('+')}`,
    );
  }
  await real.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
