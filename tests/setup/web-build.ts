// Builds web/dist once before the browser tests, so test files running side by side never build it at
// the same time (a Vite build empties the folder another file's server is serving).
import { ensureWebBuild } from '../e2e/harness.js';

export default async function setup() {
  await ensureWebBuild();
}
