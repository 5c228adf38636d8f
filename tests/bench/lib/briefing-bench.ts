// Briefing figures (issue #13): a chain's briefing as DOCX and as PDF, from the request to the file's
// bytes (building the model in one read transaction, then rendering), the median after one warm-up,
// each against its aim: the Changchun 光电 chain (DOCX < 3 s, PDF < 5 s) and the largest synthetic
// chain, 10,000+ firms with leaders and goals (each < 10 s and < 5 MB: it summarises).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Executor } from '../../../graph/executor.js';
import { projectRoot } from '../../../graph/runtime/instance-config.js';
import { createApp } from '../../../server/app.js';
import { BriefingService } from '../../../server/briefing/service.js';
import { loadConfig } from '../../../server/config.js';
import { ensureWebBuild } from '../../e2e/harness.js';
import type { Figure, NotMeasured } from './report.js';
import { ratio, summarize } from './stats.js';

export interface BriefingBenchOptions {
  group: string;
  chainId: string;
  /** What the chain is, for the figure's name (e.g. "光电 chain, Changchun data"). */
  label: string;
  runs: number;
  aimsMs: { docx: number; pdf: number };
  /** Largest file allowed, in bytes (the synthetic chain's 5 MB); none for the Changchun chain. */
  maxBytes?: number;
  log: (line: string) => void;
}

const AIM_BYTES_NOTE = 'file size against the 5 MB aim';

/** The synthetic chain with the most firms in its segments, and that count. */
export async function largestSyntheticChain(executor: Executor): Promise<{ id: string; firms: number }> {
  const [row] = await executor.query(
    `MATCH (c:Chain) WHERE c.synthetic = true
     CALL (c) { MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF*1..]->(c) RETURN count(DISTINCT e) AS firms }
     RETURN c.id AS id, firms ORDER BY firms DESC LIMIT 1`,
  );
  if (!row) throw new Error('the bench instance holds no synthetic chain');
  return { id: String(row.id), firms: Number(row.firms) };
}

export async function measureBriefings(
  executor: Executor,
  options: BriefingBenchOptions,
): Promise<{ figures: Figure[]; notMeasured: NotMeasured[] }> {
  await ensureWebBuild();
  const config = loadConfig();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const printBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const service = new BriefingService({ executor, chromium: config.chromium, printBaseUrl });
  server.on('request', createApp({ executor, config, webRoot: join(projectRoot, 'web/dist'), briefings: service }));
  const figures: Figure[] = [];
  const notMeasured: NotMeasured[] = [];
  try {
    const request = {
      scope: { kind: 'chain' as const, id: options.chainId },
      canSeeTargets: true,
      since: '2024-01-01',
    };
    for (const format of ['docx', 'pdf'] as const) {
      if (format === 'pdf' && !config.chromium.path) {
        const reason = `no Chromium found (KG_CHROMIUM; tried ${config.chromium.tried.join(', ')})`;
        notMeasured.push({ group: options.group, name: `briefing PDF, ${options.label}`, reason });
        continue;
      }
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i <= options.runs; i++) {
        const t0 = performance.now();
        const file = await service.render(await service.model(request), format);
        if (i > 0) times.push(performance.now() - t0); // run 0 warms the query plans and the browser
        bytes = file.bytes.length;
      }
      const value = summarize(times, 'lower');
      const aim = options.aimsMs[format];
      options.log(
        `  briefing ${options.label} ${format.toUpperCase()}: median ${(value.median / 1000).toFixed(2)} s, ${(bytes / 1024).toFixed(0)} KB`,
      );
      figures.push({
        group: options.group,
        name: `briefing ${format.toUpperCase()}, ${options.label}`,
        unit: 'ms',
        direction: 'lower',
        value,
        reference: { name: `the aim (${aim / 1000} s)`, value: summarize([aim], 'lower') },
        ratio: ratio(value.median, aim),
        aim: `≤ ${aim / 1000} s`,
        note: `${(bytes / 1024).toFixed(0)} KB`,
      });
      if (options.maxBytes)
        figures.push({
          group: options.group,
          name: `briefing ${format.toUpperCase()} size, ${options.label}`,
          unit: 'bytes',
          direction: 'lower',
          value: summarize([bytes], 'lower'),
          reference: { name: `the aim (${options.maxBytes / 1e6} MB)`, value: summarize([options.maxBytes], 'lower') },
          ratio: ratio(bytes, options.maxBytes),
          aim: `≤ ${options.maxBytes / 1e6} MB`,
          note: AIM_BYTES_NOTE,
        });
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { figures, notMeasured };
}
