// `npx tsx tests/bench/briefing.ts [--chain chain:opto] [--runs 3]`: times the briefing of a chain on
// the working Neo4j (read-only; `npm run seed` loads the Changchun data), DOCX and PDF, each from the
// request to the file's bytes, the median of the runs after one warm-up. Aims: DOCX < 3 s, PDF < 5 s.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDriver, ensureDatabase } from '../../graph/connection.js';
import { createExecutor } from '../../graph/executor.js';
import { projectRoot } from '../../graph/runtime/instance-config.js';
import { createApp } from '../../server/app.js';
import { BriefingService } from '../../server/briefing/service.js';
import { loadConfig } from '../../server/config.js';

const { values } = parseArgs({
  options: { chain: { type: 'string', default: 'chain:opto' }, runs: { type: 'string', default: '3' } },
});
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const runs = Math.max(1, Number(values.runs));
const config = loadConfig();
const settings = await ensureDatabase();
const driver = createDriver(settings);
const executor = createExecutor(driver, { database: settings.database, timeoutMs: 60_000 });
const server = createServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const printBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const service = new BriefingService({ executor, chromium: config.chromium, printBaseUrl });
server.on('request', createApp({ executor, config, webRoot: join(projectRoot, 'web/dist'), briefings: service }));

const request = { scope: { kind: 'chain' as const, id: values.chain }, canSeeTargets: true, since: '2024-01-01' };
for (const format of ['docx', 'pdf'] as const) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const file = await service.render(await service.model(request), format);
    if (i > 0) times.push(performance.now() - t0); // run 0 warms the query plans
    bytes = file.bytes.length;
  }
  console.log(
    `${values.chain} ${format.toUpperCase()}: median ${(median(times) / 1000).toFixed(2)} s of ${runs} (${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s), ${(bytes / 1024).toFixed(0)} KB`,
  );
}
server.close();
await driver.close();
