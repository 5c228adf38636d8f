// Mixed load through the API (app.fetch, in process): `readers` clients reading one firm in a loop and
// a write of that firm's name every `writeEveryMs`. A read is stale when it started after a write was
// acknowledged and answers an older name. Gives the reads' p95 and the stale count.
import type { App } from '../../../server/app.js';

export interface MixedLoadOptions {
  readers: number;
  durationMs: number;
  writeEveryMs: number;
  token: string;
  read: { query: string; variables: Record<string, unknown>; name: (data: any) => string | undefined };
  write: (i: number) => { query: string; variables: Record<string, unknown>; name: string };
}

async function post(app: App, token: string, query: string, variables: Record<string, unknown>) {
  const response = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message?: string }[] };
}

export async function measureMixedLoad(app: App, options: MixedLoadOptions) {
  const acked: { at: number; name: string }[] = [];
  const sent: string[] = [];
  const latencies: number[] = [];
  let stale = 0;
  let failed = 0;
  let firstError: string | undefined;
  const end = performance.now() + options.durationMs;
  const reader = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const known = acked.at(-1);
      const answer = await post(app, options.token, options.read.query, options.read.variables);
      latencies.push(performance.now() - started);
      if (answer.errors?.length) {
        failed++;
        firstError ??= `read: ${answer.errors[0].message}`;
      } else if (known) {
        const name = options.read.name(answer.data);
        // stale: older than the newest write acknowledged before this read started
        // (a name sent but not yet acknowledged is newer, not stale; one never sent is older than all)
        if (sent.indexOf(name ?? '') < sent.indexOf(known.name)) stale++;
      }
    }
  };
  const writer = async () => {
    for (let i = 0; performance.now() + options.writeEveryMs < end; i++) {
      await new Promise((resolve) => setTimeout(resolve, options.writeEveryMs));
      const write = options.write(i);
      sent.push(write.name);
      const answer = await post(app, options.token, write.query, write.variables);
      if (answer.errors?.length) {
        failed++;
        firstError ??= `write: ${answer.errors[0].message}`;
      } else acked.push({ at: performance.now(), name: write.name });
    }
  };
  await Promise.all([writer(), ...Array.from({ length: options.readers }, reader)]);
  const sorted = [...latencies].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
  return { reads: latencies.length, writes: acked.length, p95, stale, failed, firstError, latencies };
}
