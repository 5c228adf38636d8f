// `npm run build:graphiql`: writes the best brotli and gzip forms of the bundled GraphiQL page to
// .cache/graphiql/ (about a minute of one core), which the server then sends instead of compressing fast.
import { join } from 'node:path';
import { projectRoot } from '../graph/runtime/instance-config.js';
import { GraphiqlPage } from '../server/http/graphiql-page.js';

const page = new GraphiqlPage(join(projectRoot, '.cache', 'graphiql'));
const started = performance.now();
for (const { encoding, bytes, made } of await page.precompress())
  console.log(
    `GraphiQL page ${encoding}: ${bytes.toLocaleString('en-US')} bytes of ${page.raw.length.toLocaleString('en-US')}${made ? '' : ' (already made)'}`,
  );
console.log(`in ${((performance.now() - started) / 1000).toFixed(1)} s`);
