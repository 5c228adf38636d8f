// Entry of the reader's worker thread: registers tsx in this thread (loader flags given to a worker's
// execArgv do not reach it under every Node 20 release), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
