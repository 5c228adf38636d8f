// The hostile data of the browser test (tests/e2e/hostile-data.test.ts): what the API admits, written
// through it (firms, links, a target, a proposal, a document job, a registry job), and what the rules
// refuse, written straight into the graph as data from before the rules.
import { expect } from 'vitest';
import type { Executor } from '../../graph/executor.js';
import { runRows } from '../../graph/executor.js';
import { usccCheckChar } from '../../seed/registry/uscc.js';
import { hostileDocument, REFUSED_NAMES, STORED_NAMES, STORED_QUOTES } from '../reliability/lib/hostile-strings.js';
import { TOKENS } from './harness.js';

export const SEGMENT = 'segment:opto-satellite';
const SRC = 'source:hostile-ok';
export const LEGACY_LONG = `ent:hostile-legacy-long`;
export const firmId = (key: string) => `ent:hostile-${key.toLowerCase().replace(/[^a-z0-9]/g, '-')}`;

/** Data from before the rules (the graph may hold it): refused names, 10,000-character names, sources
 * whose address is javascript: or data:, a segment named with markup on the 光电 chain. */
export async function writeLegacyData(executor: Executor): Promise<void> {
  await executor.write((tx) =>
    runRows(
      tx,
      `CREATE (:Source {id: 'source:hostile-js', name: $script, url: 'javascript:window.__pwned=1', kind: 'news', publisher: $img})
       CREATE (:Source {id: 'source:hostile-data', name: '数据链接来源', url: 'data:text/html,<script>window.__pwned=1</script>', kind: 'news'})
       WITH 1 AS one
       MATCH (c:Chain {id: 'chain:opto'})
       CREATE (s:Segment {id: 'segment:hostile-seg', name: $img, level: 1, sources: ['source:hostile-js'], quote: $bidi, confidence: 'low', status: 'confirmed'})-[:PART_OF {sources: ['source:hostile-js'], confidence: 'low', status: 'confirmed'}]->(c)
       WITH s
       UNWIND $legacy AS f
       CREATE (e:Enterprise {id: f.id, name: f.name, local: true, sources: ['source:hostile-js', 'source:hostile-data'], quote: $bidi, confidence: 'low', status: 'confirmed'})
       CREATE (e)-[:IN_SEGMENT {role: 'member', sources: ['source:hostile-js'], quote: $img, confidence: 'low', status: 'confirmed'}]->(s)`,
      {
        script: STORED_NAMES.script,
        img: STORED_NAMES.imgOnerror,
        bidi: STORED_QUOTES.bidiQuote,
        legacy: [
          ...Object.entries(REFUSED_NAMES)
            .filter(([key]) => key !== 'tenThousand')
            .map(([key, r]) => ({ id: firmId(`legacy-${key}`), name: r.value })),
          { id: LEGACY_LONG, name: `超长名称${'长光卫星技术股份有限公司'.repeat(900)}` },
          { id: `${LEGACY_LONG}-latin`, name: 'W'.repeat(10_000) },
        ],
      },
    ),
  );
}

let base = '';

async function api(query: string, variables: Record<string, unknown>, token: string = TOKENS.admin) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

async function jobDone(id: string): Promise<{ sourceId: string | null }> {
  for (let i = 0; i < 1200; i++) {
    const d = await api('query($id: ID!) { importJob(id: $id) { status message sourceId } }', { id });
    if (d.importJob.status === 'FAILED') throw new Error(d.importJob.message);
    if (d.importJob.status === 'DONE') return d.importJob;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error('the job did not finish');
}

const uscc = (n: number) => {
  const first17 = `91220101${String(300000000 + n).slice(-9)}`;
  return first17 + usccCheckChar(first17);
};
const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

/** The API writes: firms with every stored name, linked to a segment with hostile quotes, one a target on
 * the pipeline board, a proposal, a document job and a registry job. */
export async function loadHostileData(server: string): Promise<{ documentJob: string; registryJob: string }> {
  base = server;
  await api('mutation($i: SourceInput!) { upsertSource(input: $i) { id } }', {
    i: { id: SRC, name: STORED_NAMES.attributeBreakout, url: 'https://example.org/hostile', kind: 'news' },
  });
  for (const [key, name] of Object.entries(STORED_NAMES)) {
    const id = firmId(key);
    await api('mutation($i: EnterpriseInput!) { upsertEnterprise(input: $i) { id } }', {
      i: { id, name, aliases: [name.slice(0, 100)], local: true, sources: [SRC], quote: STORED_QUOTES.scriptQuote },
    });
    await api('mutation($i: SegmentLinkInput!) { linkEnterpriseToSegment(input: $i) { id } }', {
      i: { enterpriseId: id, segmentId: SEGMENT, sources: [SRC], quote: STORED_QUOTES.bidiQuote },
    });
  }
  await api('mutation($i: TargetStageInput!) { recordTargetStage(input: $i) { stage } }', {
    i: { enterpriseId: firmId('script'), targetId: SEGMENT, sources: [SRC], stage: '在谈', since: '2025-01-10' },
  });
  await api('mutation($i: ProposalInput!) { proposeFact(input: $i) { id } }', {
    i: {
      node: { id: 'ent:hostile-proposed', properties: { name: STORED_NAMES.svgOnload, local: true } },
      sources: [SRC],
      quote: STORED_QUOTES.imgQuote,
      comment: STORED_NAMES.eventHandler,
    },
  });
  const doc = await api('mutation($d: DocumentInput!) { ingestDocument(document: $d) { job { id } } }', {
    d: {
      title: STORED_NAMES.template,
      text: hostileDocument(),
      url: 'https://example.org/doc',
      publishedOn: '2024-01-02',
    },
  });
  await jobDone(doc.ingestDocument.job.id);
  const header = ['企业名称', '统一社会信用代码', '省份', '城市', '区县', '企业地址', '经营范围'];
  // The stored names (they match the firms written above) and refused ones (skipped with their reason).
  const names = [...Object.values(STORED_NAMES), ...Object.values(REFUSED_NAMES).map((r) => r.value)];
  const rows = names.map((name, i) =>
    csvLine([
      name,
      uscc(i + 1),
      '吉林省',
      '长春市',
      '朝阳区',
      STORED_NAMES.imgOnerror,
      `光电子器件制造；卫星遥感${STORED_NAMES.script}`,
    ]),
  );
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: 'mutation($f: File!) { importRegistry(file: $f) { id } }', variables: { f: null } }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new File([[csvLine(header), ...rows].join('\r\n')], 'hostile.csv', { type: 'text/csv' }));
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${TOKENS.editor}` },
  });
  const registry = (await response.json()) as { data: { importRegistry: { id: string } } };
  await jobDone(registry.data.importRegistry.id);
  return { documentJob: doc.ingestDocument.job.id, registryJob: registry.data.importRegistry.id };
}
