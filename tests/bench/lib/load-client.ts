// Child process that fires HTTP load with autocannon and prints one JSON line of results, so the load
// tool never shares an event loop with the server it measures. Run by load.ts (runLoad).
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load.js';

function graphqlBodyIsClean(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.data !== undefined && parsed.data !== null && parsed.errors === undefined;
  } catch {
    return false;
  }
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const perSecond: number[] = [];
const latencies: number[] = [];
const instance = autocannon(
  {
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationS,
    timeout: spec.timeoutS ?? 10,
    requests: spec.requests,
    verifyBody: spec.verify === 'graphql' ? graphqlBodyIsClean : undefined,
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    const out: LoadResult = {
      total: latencies.length,
      perSecond,
      latencies,
      errors: result.errors,
      timeouts: result.timeouts,
      mismatches: result.mismatches,
      non2xx: result.non2xx,
      durationS: result.duration,
      statusCodes: Object.fromEntries(
        Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]),
      ),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  },
);
instance.on('tick', (tick: { counter: number }) => perSecond.push(tick.counter));
instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
  latencies.push(responseTime),
);
