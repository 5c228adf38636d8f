// One briefing service per app: builds the model, renders DOCX (no browser) or PDF (Chromium prints
// the print page, which reads its model once from /briefings/print/<token>), and keeps the file for
// one download at /briefings/<token>. The CLI uses the same service on a server of its own.
import type { Executor } from '../../graph/executor.js';
import type { GapThresholds } from '../../graph/gap-thresholds.js';
import { type BriefingRequest, buildBriefing } from './build.js';
import type { ChromiumChoice } from './chromium.js';
import { renderDocx } from './docx.js';
import type { BriefingFormat, BriefingModel } from './model.js';
import { renderPdf } from './pdf.js';
import { type BriefingFile, DOCX_TYPE, OneTimeStore } from './store.js';

export interface BriefingServiceOptions {
  executor: Executor;
  chromium: ChromiumChoice;
  gapThresholds?: GapThresholds;
  /** Where Chromium finds this server's web page (http://host:port); else the origin a request came to. */
  printBaseUrl?: string;
}

export class BriefingService {
  readonly downloads = new OneTimeStore<BriefingFile>();
  readonly prints = new OneTimeStore<BriefingModel>();

  constructor(readonly options: BriefingServiceOptions) {}

  model(request: BriefingRequest): Promise<BriefingModel> {
    return buildBriefing(this.options.executor, { gapThresholds: this.options.gapThresholds, ...request });
  }

  async render(model: BriefingModel, format: BriefingFormat, origin?: string): Promise<BriefingFile> {
    const base = `briefing-${model.scope.id.replace(/[^a-z0-9-]+/gi, '-')}-${model.asOf}-${model.lang}`;
    if (format === 'docx') return { bytes: await renderDocx(model), contentType: DOCX_TYPE, fileName: `${base}.docx` };
    const { token } = this.prints.put(model);
    const url = `${this.options.printBaseUrl ?? origin}/?view=briefing-print&print=${encodeURIComponent(token)}`;
    return {
      bytes: await renderPdf(url, this.options.chromium),
      contentType: 'application/pdf',
      fileName: `${base}.pdf`,
    };
  }

  /** Builds and renders; the file waits for one download (path /briefings/<token>). */
  async create(request: BriefingRequest, format: BriefingFormat, origin?: string) {
    const file = await this.render(await this.model(request), format, origin);
    const { token, expiresAt } = this.downloads.put(file);
    return { path: `/briefings/${token}`, expiresAt, fileName: file.fileName, bytes: file.bytes.length };
  }
}
