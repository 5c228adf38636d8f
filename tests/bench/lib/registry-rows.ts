// A generated registry file of N rows for throughput checks: the dev set's rows cycled with fresh valid
// codes and numbered names (fictional and marked synthetic by their numbered names; speed only, never scored).
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { sharedDir } from '../../../seed/registry/eval.js';
import { usccCheckChar } from '../../../seed/registry/uscc.js';

export async function writeRegistryRows(n: number, out: string): Promise<void> {
  const dev = readFileSync(join(sharedDir(), 'corpus', 'registry', 'dev', 'registry-dev.csv'), 'utf8').replace(
    /^\uFEFF/,
    '',
  );
  const [header, ...rows] = parse(dev) as string[][];
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const stream = createWriteStream(out);
  stream.write(`${header.map(quote).join(',')}\r\n`);
  const nameCol = header.indexOf('企业名称');
  const codeCol = header.indexOf('统一社会信用代码');
  for (let i = 0; i < n; i++) {
    const row = [...rows[i % rows.length]];
    row[0] = String(i + 1);
    row[nameCol] = row[nameCol].replace(/(有限公司|股份有限公司)?$/, `${i}$1`);
    const first17 = `912201${String(i).padStart(11, '0')}`;
    row[codeCol] = first17 + usccCheckChar(first17);
    if (!stream.write(`${row.map(quote).join(',')}\r\n`))
      await new Promise<void>((r) => stream.once('drain', () => r()));
  }
  stream.end();
  await finished(stream);
}
