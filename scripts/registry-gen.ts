// `tsx scripts/registry-gen.ts N OUT.csv`: a generated registry file of N rows for throughput checks
// (tests/bench/lib/registry-rows.ts; the bench's registry section uses the same rows).
import { writeRegistryRows } from '../tests/bench/lib/registry-rows.js';

const [n = '100000', out = '/tmp/registry-100k.csv'] = process.argv.slice(2);
await writeRegistryRows(Number(n), out);
