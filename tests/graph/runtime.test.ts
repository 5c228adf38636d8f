// The local runtime is a real Neo4j 5.26 with auth on, bound to 127.0.0.1 only, separate from the
// working instance, and a dump/load round trip keeps every node and relationship.
import neo4j from 'neo4j-driver';
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTANCES, instanceHome } from '../../graph/runtime/instance-config.js';
import { dumpInstance, loadInstance, serverPid } from '../../graph/runtime/instance.js';
import { countAll, emptyDatabase, testInstanceSpec, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();
const testInstance = testInstanceSpec();

describe('local Neo4j runtime', () => {
  it('is a real Neo4j 5.26 Community with APOC core', async () => {
    const [row] = await db.executor.query(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
    );
    expect(row.name).toBe('Neo4j Kernel');
    expect((row.versions as string[])[0]).toMatch(/^5\.26\./);
    expect(row.edition).toBe('community');
    const [apoc] = await db.executor.query('RETURN apoc.version() AS version');
    expect(apoc.version).toMatch(/^5\.26\./);
  });

  it('refuses a wrong password', async () => {
    const driver = neo4j.driver(db.settings.uri, neo4j.auth.basic('neo4j', 'not-the-password'), {
      logging: { level: 'error', logger: () => {} },
    });
    await expect(driver.verifyConnectivity()).rejects.toMatchObject({
      code: expect.stringMatching(/Unauthorized|AuthenticationRateLimit/),
    });
    await driver.close();
  });

  it.runIf(!db.settings.external)('listens on 127.0.0.1 only, on a port and folder of its own', () => {
    const pid = serverPid(testInstance);
    expect(pid).not.toBeNull();
    const listening = execSync(`ss -Hltnp`, { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(`pid=${pid},`));
    expect(listening.length).toBeGreaterThan(0);
    for (const line of listening) expect(line).toMatch(/\s(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):\d+\s/);
    expect(listening.some((line) => line.includes(`:${testInstance.boltPort} `))).toBe(true);
    expect(testInstance.boltPort).not.toBe(INSTANCES.work.boltPort);
    expect(instanceHome(testInstance)).not.toBe(instanceHome(INSTANCES.work));
    expect(db.settings.uri).toContain(`:${testInstance.boltPort}`);
  });

  it.runIf(!db.settings.external)(
    'keeps every node and relationship through dump and load',
    async () => {
      await emptyDatabase(db.executor);
      await db.executor.mutate(
        `UNWIND range(1, 200) AS i
       CREATE (a:DumpProbe {i: i, name: '长光卫星' + i})-[:NEXT {w: i}]->(b:DumpProbe {i: -i})`,
      );
      const before = await countAll(db.executor);
      const file = join(mkdtempSync(join(tmpdir(), 'kg-dump-test-')), 'probe.dump');
      await dumpInstance(testInstance, file, () => {});
      await emptyDatabase(db.executor);
      expect((await countAll(db.executor)).nodes).toBe(0);
      await loadInstance(testInstance, file, () => {});
      const after = await countAll(db.executor);
      expect(after).toEqual(before);
      const [row] = await db.executor.query('MATCH (a:DumpProbe {i: 7})-[r:NEXT]->() RETURN a.name AS name, r.w AS w');
      expect(row).toEqual({ name: '长光卫星7', w: 7 });
      await emptyDatabase(db.executor);
    },
    240_000,
  );
});
