// Entry of the registry reader's process: registers tsx in this process (as read-worker-entry.mjs),
// then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./registry-worker.ts');
