// Registry matching against the real test Neo4j with the shipped firms: an exact name updates the graph
// firm, a near name is held as a "same firm?" proposal (asked once), and after a person confirms it the
// next import writes the row onto that firm; a rejection makes it a firm of its own.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/audit-log.js';
import { reviewProposal } from '../../graph/queries/proposals.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { runRegistry } from '../../seed/registry/cli-registry.js';
import { usccCheckChar } from '../../seed/registry/uscc.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();
const dir = mkdtempSync(join(tmpdir(), 'registry-match-'));
const code = (first17: string) => first17 + usccCheckChar(first17);
const [aupu, chenxin, fresh, other] = [
  '91220101MA17AUPU1',
  '91220173MA17CHXN2',
  '91220104MA17FRTH3',
  '91220104MA17QTHR4',
].map(code);
const file = join(dir, 'match.csv');
writeFileSync(
  file,
  [
    '企业名称,统一社会信用代码,登记状态,区县,企业地址,经营范围',
    `长春奥普光电技术股份有限公司,${aupu},存续,长春经济技术开发区,长春经济技术开发区营口路588号,光学仪器制造`,
    `长春长光辰芯微电子股份有限公司,${chenxin},存续,长春新区,长春新区龙翔大街1号,集成电路设计`,
    `长春新锐瀚测科技有限公司,${fresh},存续,朝阳区,长春市朝阳区红旗街1号,软件开发`,
    `长光华大科技有限公司,${other},存续,长春新区,长春新区硅谷大街1号,集成电路设计`,
  ].join('\r\n'),
);
const run = () =>
  runRegistry(file, {
    log: () => {},
    executor: db.executor,
    programId: 'program:cc-10plus3',
    write: {
      confidence: { high: 0.85, medium: 0.6 },
      audit: { log: new AuditLog(join(dir, 'audit.jsonl')), actor: { role: 'cli', fingerprint: 'test' } },
    },
  });
const sameFirmProposals = () =>
  db.executor.query(
    "MATCH (p:Proposal {rule: 'same firm?'}) RETURN p.id AS id, p.target AS target, p.quote AS quote, p.status AS status, p.comment AS comment ORDER BY p.target",
  );

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
}, 120_000);

describe('registry matching with the graph', () => {
  it('merges exact names, asks about near ones once, and follows the decisions', async () => {
    const first = await run();
    expect(first[0]).toMatchObject({ enterpriseId: 'ent:aupu', match: { how: 'name' }, action: 'updated' });
    expect(first[1]).toMatchObject({ action: 'skipped', sameFirm: { enterpriseId: 'ent:changguang-chenxin' } });
    expect(first[2]).toMatchObject({ action: 'created', enterpriseId: `ent:uscc-${fresh.toLowerCase()}` });
    expect(first[3]).toMatchObject({ action: 'skipped', sameFirm: { enterpriseId: 'ent:changguang-huada' } });
    const [aupuNode] = await db.executor.query(
      "MATCH (e:Enterprise {id: 'ent:aupu'}) RETURN e.name AS name, e.uscc AS uscc",
    );
    expect(aupuNode).toEqual({ name: '长春奥普光电技术股份有限公司', uscc: aupu });
    expect(await db.executor.query('MATCH (e:Enterprise {uscc: $c}) RETURN e.id AS id', { c: chenxin })).toEqual([]);
    const asked = await sameFirmProposals();
    expect(asked.map((p) => [p.target, p.quote, p.status])).toEqual([
      ['ent:changguang-chenxin', '长春长光辰芯微电子股份有限公司', 'proposed'],
      ['ent:changguang-huada', '长光华大科技有限公司', 'proposed'],
    ]);
    expect(String(asked[0].comment)).toMatch(/short name 长光辰芯 is part of the registry name/);

    await run(); // nothing decided yet: asked once, not twice
    expect(await sameFirmProposals()).toHaveLength(2);

    await db.executor.write((tx) => reviewProposal(tx, String(asked[0].id), 'CONFIRM', 'the same firm'));
    await db.executor.write((tx) => reviewProposal(tx, String(asked[1].id), 'REJECT', 'another firm'));
    const third = await run();
    expect(third[1]).toMatchObject({ enterpriseId: 'ent:changguang-chenxin', match: { how: 'code' } });
    expect(third[1].action).not.toBe('skipped');
    expect(third[3]).toMatchObject({ action: 'created', enterpriseId: `ent:uscc-${other.toLowerCase()}` });
    const [chenxinNode] = await db.executor.query(
      "MATCH (e:Enterprise {id: 'ent:changguang-chenxin'}) RETURN e.name AS name, e.aliases AS aliases, e.uscc AS uscc",
    );
    expect(chenxinNode).toMatchObject({ name: '长光辰芯', uscc: chenxin });
    expect(chenxinNode.aliases).toContain('长春长光辰芯微电子股份有限公司');
    expect(await sameFirmProposals()).toHaveLength(2);
  }, 120_000);
});
