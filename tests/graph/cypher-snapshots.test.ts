// Snapshots of the Cypher our query builders assemble from parts (relations, search, neighborhood, path),
// so a change to a builder shows up as a reviewed diff. No database: a recording transaction keeps the
// statements and answers each with no rows, which is enough to drive the builders to their queries.
import type { ManagedTransaction } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { neighborhood } from '../../graph/queries/neighborhood.js';
import { shortestPaths } from '../../graph/queries/path.js';
import { RELATIONS, relationQuery } from '../../graph/queries/relations.js';
import { searchEntities } from '../../graph/queries/search.js';
import type { Label } from '../../graph/model.js';

interface Statement {
  cypher: string;
  params: string[];
}

type Row = Record<string, unknown>;

/** A transaction that records each statement (text and parameter names) and answers the first ones
 *  with the given rows (each a list), the rest with no rows. */
function recorder(answers: Row[][] = []): { tx: ManagedTransaction; statements: Statement[] } {
  const statements: Statement[] = [];
  const run = (cypher: string, params: Record<string, unknown> = {}) => {
    const rows = answers[statements.length] ?? [];
    statements.push({ cypher, params: Object.keys(params).sort() });
    return Promise.resolve({ records: rows.map((row) => ({ toObject: () => row })) });
  };
  return { tx: { run } as unknown as ManagedTransaction, statements };
}

/** Runs a builder to its end or its first refusal; what it ran is the snapshot either way. */
async function recorded(build: (tx: ManagedTransaction) => Promise<unknown>, answers: Row[][] = []) {
  const { tx, statements } = recorder(answers);
  const outcome = await build(tx).then(
    () => 'done',
    (error: Error) => `stopped: ${error.message}`,
  );
  return { statements, outcome };
}

const root = { eid: '4:db:1', node: { id: 'chain:nev', _labels: ['Chain'] } };

describe('Cypher of the query builders', () => {
  it('relation fields: one batch query per label and field', () => {
    const all: Record<string, string> = {};
    for (const [label, fields] of Object.entries(RELATIONS)) {
      for (const [field, spec] of Object.entries(fields ?? {})) {
        all[`${label}.${field}`] = relationQuery(label as Label, spec, { first: 5 }).cypher;
      }
    }
    expect(Object.keys(all).length).toBeGreaterThan(10);
    for (const cypher of Object.values(all)) expect(cypher).toContain('UNWIND $ids AS pid');
    expect(all).toMatchSnapshot();
  });

  it('relation fields refuse a negative limit', () => {
    const [label, fields] = Object.entries(RELATIONS).find(([, f]) =>
      Object.values(f ?? {}).some((s) => s.limitArg),
    ) as [Label, NonNullable<(typeof RELATIONS)[Label]>];
    const spec = Object.values(fields).find((s) => s.limitArg);
    expect(() => relationQuery(label, spec as never, { [spec?.limitArg as string]: -1 })).toThrow(/0 or more/);
  });

  it('search: full-text, then the contains fallback', async () => {
    const all = await recorded((tx) => searchEntities(tx, '一汽', { first: 10, includeSynthetic: false }));
    expect(all.statements).toHaveLength(2);
    expect(all).toMatchSnapshot();
    const firms = await recorded((tx) =>
      searchEntities(tx, 'FAW', { labels: ['Enterprise'], first: 3, includeSynthetic: true }),
    );
    expect(firms).toMatchSnapshot();
  });

  it('neighborhood: root lookup, walk by level, edges', async () => {
    const run = await recorded(
      (tx) => neighborhood(tx, 'chain:nev', { depth: 2, limit: 50, canSeeTargets: false }),
      [[root]],
    );
    // root, one level (no rows: the walk ends), the edges among the nodes found
    expect(run.statements).toHaveLength(3);
    expect(run.outcome).toBe('done');
    expect(run).toMatchSnapshot();
  });

  it('path: the ends, then the shortest-path query (TARGET_FOR only for analysts)', async () => {
    const ends = [[{ a: { id: 'chain:nev', _labels: ['Chain'] }, b: { id: 'chain:opto', _labels: ['Chain'] } }]];
    const analyst = await recorded((tx) => shortestPaths(tx, 'chain:nev', 'chain:opto', 4, true), ends);
    const publicReader = await recorded((tx) => shortestPaths(tx, 'chain:nev', 'chain:opto', 4, false), ends);
    expect(analyst.statements[1].cypher).toContain('TARGET_FOR');
    expect(publicReader.statements[1].cypher).not.toContain('TARGET_FOR');
    expect(analyst).toMatchSnapshot();
    expect(publicReader).toMatchSnapshot();
  });
});
