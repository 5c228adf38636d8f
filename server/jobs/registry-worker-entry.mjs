// Entry of the registry reader's worker thread: registers tsx in this thread (as read-worker-entry.mjs),
// then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./registry-worker.ts');
