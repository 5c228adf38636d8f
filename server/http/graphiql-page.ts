// The bundled GraphiQL page (9 MB of HTML with its assets inlined: no CDN on a closed network),
// rendered once per process and sent compressed. The best brotli of it takes a minute, so it is made
// once (`npm run build:graphiql`, or in the background when the server starts) and kept on disk under
// .cache/graphiql/, named by the page's hash so a changed page never gets another page's bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { compress, type Encoding } from './content-encoding.js';

export const GRAPHIQL_OPTIONS = {
  title: 'Changchun chain-owner graph — GraphiQL',
  defaultQuery:
    '{\n  chains {\n    id\n    name\n    patrons { leader { name } citations { quote source { name url } } }\n  }\n}\n',
};

const SUFFIX: Record<Encoding, string> = { br: '.html.br', gzip: '.html.gz' };

export class GraphiqlPage {
  private rendered?: { html: string; raw: Buffer; hash: string };
  private readonly variants = new Map<Encoding, Promise<Buffer>>();

  constructor(readonly cacheDir: string) {}

  /** Rendered on first use: most processes (tests, the seed CLI) never show GraphiQL. */
  private get page() {
    if (!this.rendered) {
      const html = renderGraphiQL(GRAPHIQL_OPTIONS);
      const raw = Buffer.from(html);
      this.rendered = { html, raw, hash: createHash('sha256').update(raw).digest('base64url').slice(0, 32) };
    }
    return this.rendered;
  }

  get html(): string {
    return this.page.html;
  }

  get raw(): Buffer {
    return this.page.raw;
  }

  /** sha256 of the HTML, base64url: names the files on disk and, quoted, is the ETag. */
  get hash(): string {
    return this.page.hash;
  }

  get etag(): string {
    return `"${this.hash}"`;
  }

  private file(encoding: Encoding): string {
    return join(this.cacheDir, this.hash + SUFFIX[encoding]);
  }

  /** The compressed page: the best form from disk when made, else a fast one made once and kept. */
  variant(encoding: Encoding): Promise<Buffer> {
    let pending = this.variants.get(encoding);
    if (!pending) {
      const file = this.file(encoding);
      pending = existsSync(file) ? Promise.resolve(readFileSync(file)) : compress(this.raw, encoding, 'fast');
      this.variants.set(encoding, pending);
    }
    return pending;
  }

  /** Writes the best brotli and gzip forms to disk (skipped when present) and serves them from now on. */
  async precompress(): Promise<{ encoding: Encoding; bytes: number; made: boolean }[]> {
    mkdirSync(this.cacheDir, { recursive: true });
    const out: { encoding: Encoding; bytes: number; made: boolean }[] = [];
    for (const encoding of ['br', 'gzip'] as const) {
      const file = this.file(encoding);
      let made = false;
      if (!existsSync(file)) {
        const body = await compress(this.raw, encoding, 'best');
        // Written under a temporary name, then renamed: a reader never sees half a file.
        writeFileSync(`${file}.tmp`, body);
        renameSync(`${file}.tmp`, file);
        made = true;
      }
      const body = readFileSync(file);
      this.variants.set(encoding, Promise.resolve(body));
      out.push({ encoding, bytes: body.length, made });
    }
    return out;
  }
}
