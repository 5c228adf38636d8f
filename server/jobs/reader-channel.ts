// The reader side of run-reader.ts: takes the one request the server sends to this child process, runs
// it, sends one answer ({ ok, ... } or { ok: false, code, message }) and exits.

export function serveOnce<Q, A extends object>(run: (request: Q) => Promise<A>): void {
  // The server went away (or killed the channel): nobody waits for the answer.
  process.once('disconnect', () => process.exit(1));
  process.once('message', (request: Q) => {
    run(request).then(
      (answer) => process.send?.({ ok: true, ...answer }, () => process.exit(0)),
      (error: { code?: string; message?: string }) =>
        process.send?.(
          { ok: false, code: error?.code ?? 'READ_FAILED', message: String(error?.message ?? error) },
          () => process.exit(0),
        ),
    );
  });
}
