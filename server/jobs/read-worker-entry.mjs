// Entry of the reader process: registers tsx in this process, then runs the TypeScript reader.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
