// /readyz: 200 only once Neo4j answers and the data is loaded (a real, non-synthetic Program exists: graph/stats.ts realDataLoaded). The answer is
// cached briefly so that a probe storm does not become a query storm.
import type { Plugin } from 'graphql-yoga';
import type { Executor } from '../../graph/executor.js';
import { realDataLoaded } from '../../graph/stats.js';

export function dataLoadedCheck(executor: Executor, cacheMs = 1000) {
  let last = { at: 0, ready: false };
  return async (): Promise<boolean> => {
    if (Date.now() - last.at < cacheMs) return last.ready;
    let ready = false;
    try {
      ready = await realDataLoaded(executor, 2000);
    } catch {
      ready = false;
    }
    last = { at: Date.now(), ready };
    return ready;
  };
}

const NOT_READY = JSON.stringify({ ready: false, reason: 'Neo4j is not answering or the data is not loaded yet' });

/** GET/HEAD /readyz only; every other request passes with one method and one pathname comparison
 *  (yoga's useReadinessCheck tests a URLPattern on every request: measurable on trivial queries). */
export function useReadiness(check: () => Promise<boolean>, endpoint = '/readyz'): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || url.pathname !== endpoint) return;
      let ready = false;
      try {
        ready = await check();
      } catch {
        ready = false;
      }
      endResponse(
        ready
          ? new Response(null, { status: 200 })
          : new Response(NOT_READY, { status: 503, headers: { 'content-type': 'application/json' } }),
      );
    },
  };
}
