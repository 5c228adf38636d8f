// The suite's duration is recorded only for a whole run: a run of chosen files or names is not the suite.
import { describe, expect, it } from 'vitest';
import { wholeSuite } from './run-record.js';

describe('run record', () => {
  it('counts `vitest run` and its flags as the whole suite, and a file or a name filter as not', () => {
    expect(wholeSuite(['node', 'vitest', 'run'])).toBe(true);
    expect(wholeSuite(['node', 'vitest', 'run', '--reporter=dot'])).toBe(true);
    expect(wholeSuite(['node', 'vitest', 'run', 'tests/extract'])).toBe(false);
    expect(wholeSuite(['node', 'vitest', 'run', '-t', 'gaps'])).toBe(false);
    expect(wholeSuite(['node', 'vitest', 'run', '--testNamePattern=gaps'])).toBe(false);
  });
});
