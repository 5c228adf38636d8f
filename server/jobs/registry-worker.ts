// Worker thread: reads and classifies a registry file (pure CPU and file reading, no database), so a
// 100,000-row export never blocks the server's event loop. Posts the report rows as one message.
import { parentPort, workerData } from 'node:worker_threads';
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

const request = workerData as RegistryReadRequest;
classifyFile(request.path, () => {}, request.limits, request.ctx, request.fileLimits).then(
  (report) => parentPort?.postMessage({ ok: true, report }),
  (error: { code?: string; message?: string }) =>
    parentPort?.postMessage({ ok: false, code: error?.code, message: String(error?.message ?? error) }),
);
