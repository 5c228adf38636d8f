// Import of a user's spreadsheet: GBK and UTF-8 (with BOM) decode to the right characters, names
// resolve against the graph, sources become Source nodes, existing facts keep their provenance, and
// every kind of bad input is reported by row and column with nothing written.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/audit-log.js';
import { countGraph } from '../../graph/stats.js';
import { detectKind, mapHeader } from '../../seed/import/csv-columns.js';
import { readCsv } from '../../seed/import/csv-read.js';
import { importCsv as importCsvAudited, type ImportOptions, type ImportResult } from '../../seed/import/import-csv.js';
import { SHIPPED_DATA_DIR, validateAndLoad } from '../../seed/load/load.js';
import { formatProblem } from '../../seed/load/problems.js';
import { emptyDatabase, useTestDb } from '../helpers/neo4j.js';

const db = useTestDb();
const auditLog = new AuditLog(join(mkdtempSync(join(tmpdir(), 'seed-import-audit-')), 'audit.jsonl'));
const actor = { role: 'cli', fingerprint: 'test' };
const importCsv = (executor: typeof db.executor, bytes: Uint8Array, options: Omit<ImportOptions, 'auditLog'> = {}) =>
  importCsvAudited(executor, bytes, { auditLog, actor, ...options });
const utf8 = (text: string) => new TextEncoder().encode(text);
const errorsOf = (result: ImportResult) => result.errors.map(formatProblem).join('\n');

beforeAll(async () => {
  await emptyDatabase(db.executor);
  await validateAndLoad(db.executor, SHIPPED_DATA_DIR, { log: () => {} });
});

/** Imports and asserts that it was refused and that the graph did not change at all. */
async function expectRefused(
  bytes: Uint8Array,
  fileName: string,
  kind?: 'enterprises' | 'relationships',
): Promise<string> {
  const before = await countGraph(db.executor);
  const result = await importCsv(db.executor, bytes, { fileName, kind });
  expect(result.errors.length).toBeGreaterThan(0);
  expect(result.written).toEqual({ nodes: 0, relationships: 0 });
  expect(result.importRunId).toBeNull();
  expect(await countGraph(db.executor)).toEqual(before);
  return errorsOf(result);
}

describe('encodings', () => {
  it('imports a GBK-encoded file with the right characters', async () => {
    const text =
      'name,local,district,segment,tags,source,quote\r\n长春希达电子,是,长春新区,半导体照明和光显示,规上、专精特新,https://example.org/gbk-list,长春希达电子\r\n';
    const result = await importCsv(db.executor, iconv.encode(text, 'gbk'), { fileName: 'gbk.csv' });
    expect(errorsOf(result)).toBe('');
    expect(result.encoding).toBe('GB18030');
    const [row] = await db.executor.query(`
      MATCH (e:Enterprise {name: '长春希达电子'})-[:LOCATED_IN]->(d:District), (e)-[:IN_SEGMENT]->(s:Segment)
      MATCH (src:Source {id: e.sources[0]})
      RETURN e.id AS id, e.tags AS tags, e.local AS local, d.id AS district, s.id AS segment, src.url AS url, src.kind AS kind, e.status AS status`);
    expect(row).toEqual({
      id: expect.stringMatching(/^ent:imp-[0-9a-f]{8}$/),
      tags: ['规上', '专精特新'],
      local: true,
      district: 'district:ccna',
      segment: 'segment:opto-ssl-display',
      url: 'https://example.org/gbk-list',
      kind: 'dataset',
      status: 'unverified',
    });
    const audit = await auditLog.read();
    const entry = audit.entries.find((e) => (e.after as { importRunId?: string }).importRunId === result.importRunId)!;
    expect(entry).toMatchObject({
      action: 'importCsv',
      target: 'gbk.csv',
      actorFingerprint: 'test',
      after: { encoding: 'GB18030', rows: 1 },
    });
    expect(audit.outcomes.get(entry.id)?.outcome).toBe('committed');
  });

  it('imports UTF-8 with a BOM and Chinese column headers', async () => {
    const text = '\ufeff企业名称,是否本地,来源,原文\n吉林测试光电有限公司,否,source:s1,光电信息产业\n'; // a quote of S1 is S1's words
    const result = await importCsv(db.executor, utf8(text), { fileName: 'bom.csv' });
    expect(errorsOf(result)).toBe('');
    expect(result.encoding).toBe('UTF-8 with BOM');
    const [row] = await db.executor.query(
      "MATCH (e:Enterprise {name: '吉林测试光电有限公司'}) RETURN e.local AS local, e.sources AS sources",
    );
    expect(row).toEqual({ local: false, sources: ['source:s1'] });
  });
});

describe('bad input is refused by row and column, and nothing is written', () => {
  it('a malformed row (wrong number of cells, a broken quote)', async () => {
    const text = 'name,local,source\n好企业甲,true,source:s1\n坏企业,true,source:s1,多余\n"坏企业乙,true,source:s1\n';
    const errors = await expectRefused(utf8(text), 'malformed.csv');
    expect(errors).toContain('malformed.csv row 3: has 4 cells but the header has 3 columns');
    expect(errors).toContain('malformed.csv row 4: a quoted cell is never closed');
  });

  it('an unknown source id', async () => {
    const errors = await expectRefused(utf8('name,local,source\n好企业丙,true,source:s999\n'), 'source.csv');
    expect(errors).toContain('source.csv row 2, column "source": unknown source "source:s999"');
  });

  it('a missing reference: an id or a name that is not in the graph', async () => {
    const text =
      'from,type,to,source\nent:nope,SUPPLIES,长春希达电子技术有限公司,source:s1\n长春希达电子技术有限公司,供应,不存在的客户,source:s1\n';
    const errors = await expectRefused(utf8(text), 'refs.csv');
    expect(errors).toContain('refs.csv row 2, column "from": "ent:nope" does not exist');
    expect(errors).toContain('refs.csv row 3, column "to": no Enterprise is named "不存在的客户"');
  });

  it('a bad enum value, a bad yes/no and an unknown relationship type', async () => {
    const rels =
      'from,type,to,stage,source\n长春希达电子技术有限公司,TARGET_FOR,集成电路,洽谈中,source:s1\n长春希达电子技术有限公司,LIKES,集成电路,,source:s1\n';
    const relErrors = await expectRefused(utf8(rels), 'enum.csv');
    expect(relErrors).toContain(
      'enum.csv row 2, column "stage": must be one of 推介, 在谈, 签约, 拟开工, 到资, 竣工投产 (got "洽谈中")',
    );
    expect(relErrors).toContain('enum.csv row 3, column "type": "LIKES" is not a relationship type');
    const entErrors = await expectRefused(
      utf8('name,local,source,confidence\n好企业丁,也许,source:s1,sure\n'),
      'enum2.csv',
    );
    expect(entErrors).toContain('enum2.csv row 2, column "local": must be true or false (got "也许")');
    expect(entErrors).toContain('enum2.csv row 2, column "confidence": must be one of high, medium, low (got "sure")');
  });

  it('the same new firm twice, an unknown column and a missing required column', async () => {
    const dup = await expectRefused(
      utf8('name,local,source\n重复企业,true,source:s1\n重复企业,true,source:s1\n'),
      'dup.csv',
    );
    expect(dup).toMatch(
      /dup\.csv row 3, column "name": duplicate id "ent:imp-[0-9a-f]{8}": already used at dup\.csv row 2/,
    );
    const columns = await expectRefused(utf8('name,locale,source\n好企业戊,true,source:s1\n'), 'cols.csv');
    expect(columns).toContain('cols.csv row 1, column "locale": unknown column');
    expect(columns).toContain('cols.csv row 1, column "local": required column is missing');
  });

  it('one good row does not get written when another row is bad', async () => {
    const errors = await expectRefused(
      utf8('name,local,source\n好企业己,true,source:s1\n坏企业庚,true,source:nope\n'),
      'mixed.csv',
    );
    expect(errors).toContain('mixed.csv row 3');
    expect(await db.executor.query("MATCH (e:Enterprise {name: '好企业己'}) RETURN e.id")).toEqual([]);
  });
});

describe('meeting what the graph already holds', () => {
  it('merges into a known firm: its id, name and review status stay, sources and tags are added', async () => {
    const [before] = await db.executor.query(
      "MATCH (e:Enterprise {id: 'ent:xida'}) RETURN e.sources AS sources, e.status AS status, e.name AS name",
    );
    const text = 'name,local,tags,source\n长春希达电子技术有限公司,true,上市测试标签,https://example.org/xida-update\n';
    const result = await importCsv(db.executor, utf8(text), { fileName: 'merge.csv' });
    expect(errorsOf(result)).toBe('');
    const [after] = await db.executor.query(
      "MATCH (e:Enterprise {id: 'ent:xida'}) RETURN e.sources AS sources, e.status AS status, e.name AS name, e.tags AS tags",
    );
    expect(after.name).toBe(before.name);
    expect(after.status).toBe(before.status);
    expect(after.sources).toEqual([...(before.sources as string[]), expect.stringMatching(/^source:imp-/)]);
    expect(after.tags).toContain('上市测试标签');
  });

  it('moves a target along the pipeline and keeps the earlier stage as history', async () => {
    const stageRow = (stage: string, since: string) =>
      `from,type,to,stage,stageSince,source\n长春希达电子技术有限公司,招商目标,集成电路,${stage},${since},招商台账2024\n`;
    expect(
      errorsOf(await importCsv(db.executor, utf8(stageRow('在谈', '2024-05-20')), { fileName: 'stage1.csv' })),
    ).toBe('');
    expect(
      errorsOf(await importCsv(db.executor, utf8(stageRow('签约', '2024-09-01')), { fileName: 'stage2.csv' })),
    ).toBe('');
    const rows = await db.executor.query(`
      MATCH (:Enterprise {id: 'ent:xida'})-[t:TARGET_FOR]->(:Segment {id: 'segment:opto-ic'})
      RETURN t.stage AS stage, toString(t.stageSince) AS since, t.stageHistory AS history, t.sources AS sources`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ stage: '签约', since: '2024-09-01', history: ['在谈@2024-05-20'] });
    const [source] = await db.executor.query('MATCH (s:Source {id: $id}) RETURN s.name AS name, s.kind AS kind', {
      id: (rows[0].sources as string[])[0],
    });
    expect(source).toEqual({ name: '招商台账2024', kind: 'dataset' });
  });

  it('imports the same file twice without duplicating anything', async () => {
    const text = 'name,local,district,source\n幂等测试企业,true,长春新区,https://example.org/idempotent\n';
    await importCsv(db.executor, utf8(text), { fileName: 'twice.csv' });
    const once = await countGraph(db.executor);
    await importCsv(db.executor, utf8(text), { fileName: 'twice.csv' });
    const twice = await countGraph(db.executor);
    expect(twice).toEqual(once);
  });
});

describe('templates', () => {
  it.each([
    ['enterprises.csv', 'enterprises'],
    ['enterprises.zh.csv', 'enterprises'],
    ['relationships.csv', 'relationships'],
    ['relationships.zh.csv', 'relationships'],
  ] as const)('%s has only known columns and is recognised as %s', (file, kind) => {
    const table = readCsv(new TextDecoder().decode(readFileSync(`seed/templates/${file}`)), file);
    expect(detectKind(table.header)).toBe(kind);
    expect(mapHeader(kind, table.header, file).problems).toEqual([]);
  });
});
