// Reader process: reads and classifies a registry file (pure CPU and file reading, no database), so a
// 100,000-row export never blocks the server's event loop. Answers with the report rows (reader-channel.ts).
import { serveOnce } from './reader-channel.js';
import { classifyFile } from '../../seed/registry/cli-registry.js';
import type { Thresholds } from '../../seed/registry/config.js';
import type { RegistryContext } from '../../seed/registry/context.js';
import type { FileLimits } from '../../seed/file-limits.js';

export interface RegistryReadRequest {
  path: string;
  limits: Thresholds;
  /** The program's districts and segments, read from the graph by the job (structured-cloned here). */
  ctx: RegistryContext;
  /** The server's file limits (KG_MAX_*); the defaults when absent. */
  fileLimits?: FileLimits;
}

serveOnce(async (request: RegistryReadRequest) => ({
  report: await classifyFile(request.path, () => {}, request.limits, request.ctx, request.fileLimits),
}));
