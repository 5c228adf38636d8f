// Document extraction speed (issue #11): a 5,000-character article in the genre (S1 twice, cut to 5,000
// characters) read by the extractor, beside reading the same article from a DOCX in the same run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_DICTIONARY, extractFacts, readDocument } from '../../../seed/extract/index.js';
import { asDocx } from '../../../seed/extract/eval/renderings.js';
import { projectRoot } from '../../../graph/runtime/instance-config.js';
import type { Figure } from './report.js';
import { ratio, summarize, timeRuns } from './stats.js';

export async function measureExtraction(options: {
  group: string;
  runs: number;
  log: (l: string) => void;
}): Promise<Figure> {
  const s1 = readFileSync(join(projectRoot, 'tests/fixtures/extract/s1/S1-changchun-jiugehao-2023-08-17.txt'), 'utf8');
  const text = `${s1}\n${s1}`.slice(0, 5000);
  const docx = await asDocx(text);
  options.log(`Extraction: ${text.length} characters, ${options.runs} runs`);
  const extract = await timeRuns(async () => extractFacts(text, { dictionary: EMPTY_DICTIONARY }), options.runs, 3);
  const read = await timeRuns(() => readDocument({ file: { bytes: docx, filename: 'a.docx' } }), options.runs, 3);
  const value = summarize(extract, 'lower');
  const reference = summarize(read, 'lower');
  return {
    group: options.group,
    name: 'extract a 5,000-character article',
    unit: 'ms',
    direction: 'lower',
    value,
    reference: { name: 'reading the same article from DOCX', value: reference },
    ratio: ratio(value.median, reference.median),
    aim: 'median and p95 under 1,000 ms',
  };
}
