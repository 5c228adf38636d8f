// Worker thread of the server's layered layout: ELK (elkjs, in-process in this thread) places the nodes
// of one graph per message, so a large layout never blocks the server's event loop. Plain JavaScript:
// nothing to compile, so the thread needs no TypeScript loader.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js');
const elk = new ELK();

parentPort.on('message', async ({ id, graph }) => {
  try {
    const result = await elk.layout(graph);
    const positions = (result.children ?? []).map((c) => ({
      id: c.id,
      x: (c.x ?? 0) + (c.width ?? 0) / 2,
      y: (c.y ?? 0) + (c.height ?? 0) / 2,
    }));
    parentPort.postMessage({ id, positions });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
