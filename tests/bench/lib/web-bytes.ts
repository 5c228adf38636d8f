// The bytes figures of the web page: what Chromium transfers for the first view (HTML, JS, CSS,
// fonts; not API data) and for the GraphiQL page, each against the same page fetched with
// Accept-Encoding: identity in the same run (what the server sent before it compressed anything).
import { defaultGraphiqlPage } from '../../../server/app.js';
import { ensureWebBuild, launchBrowser, startServer } from '../../e2e/harness.js';
import { describeTransfer, firstViewTransfer, graphiqlTransfer, type Transfer } from '../transfer.js';
import type { BenchInstance } from './bench-instance.js';
import type { Figure } from './report.js';
import { ratio, summarize } from './stats.js';
import type { WebOptions } from './web.js';

const kb = (bytes: number) => bytes / 1024;

function figure(
  options: WebOptions,
  name: string,
  compressed: Transfer[],
  identity: Transfer[],
  aim: { text: string },
  note: string,
): Figure {
  const value = summarize(
    compressed.map((t) => kb(t.total)),
    'lower',
  );
  const reference = summarize(
    identity.map((t) => kb(t.total)),
    'lower',
  );
  return {
    group: options.group,
    name,
    unit: 'KB',
    direction: 'lower',
    value,
    reference: { name: 'the same page with Accept-Encoding: identity (uncompressed, as before)', value: reference },
    ratio: ratio(value.median, reference.median),
    aim: aim.text,
    note,
  };
}

/** Both bytes figures on the data the bench instance holds (the Changchun data after measureNavigation). */
export async function measureTransfers(instance: BenchInstance, options: WebOptions): Promise<Figure[]> {
  await ensureWebBuild();
  // What a started server sends once its background job is done (npm run build:graphiql makes it ahead).
  const made = await defaultGraphiqlPage().precompress();
  const server = await startServer(instance.executor);
  const browser = await launchBrowser();
  try {
    const runs = Math.max(1, Math.min(options.runs, 3));
    const first: Transfer[] = [];
    const firstPlain: Transfer[] = [];
    const graphiql: Transfer[] = [];
    const graphiqlPlain: Transfer[] = [];
    for (let i = 0; i < runs; i++) {
      first.push(await firstViewTransfer(browser, server.url));
      firstPlain.push(await firstViewTransfer(browser, server.url, 'identity'));
      graphiql.push(await graphiqlTransfer(browser, server.url));
      graphiqlPlain.push(await graphiqlTransfer(browser, server.url, 'identity'));
    }
    options.log(describeTransfer('first view bytes transferred', first[0]));
    options.log(describeTransfer('GraphiQL page bytes transferred', graphiql[0]));
    const fonts = first[0].byKind.font ?? 0;
    const br = made.find((m) => m.encoding === 'br')?.bytes ?? Number.NaN;
    return [
      figure(
        options,
        'first view bytes transferred in Chromium (HTML, JS, CSS, fonts; not API data)',
        first,
        firstPlain,
        { text: '≤ 200 KB' },
        `cold cache, / until the overview and its statistics are drawn; ${first[0].files.length} files, fonts ${kb(fonts).toFixed(1)} KB; encoded body + headers per Chromium`,
      ),
      figure(
        options,
        'GraphiQL page bytes transferred',
        graphiql,
        graphiqlPlain,
        { text: `≤ 1.5 MB, or brotli 11 of the bundle: ${kb(br).toFixed(0)} KB` },
        `GET /graphql as a browser opens it (the 9 MB bundled page); brotli 11 precompressed in .cache/graphiql/`,
      ),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
