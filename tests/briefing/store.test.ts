// Unit checks (no database) of the briefing download handles: a token works once, an expired one not
// at all, and tokens do not repeat.
import { describe, expect, it } from 'vitest';
import { OneTimeStore } from '../../server/briefing/store.js';

describe('one-time briefing store', () => {
  it('hands a value out once', () => {
    const store = new OneTimeStore<string>();
    const { token } = store.put('file');
    expect(store.take(token)).toBe('file');
    expect(store.take(token)).toBeNull();
    expect(store.take('unknown')).toBeNull();
  });

  it('forgets a value after its time to live, and makes distinct tokens', async () => {
    const store = new OneTimeStore<string>(20);
    const a = store.put('a');
    const b = store.put('b');
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(43);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(store.take(a.token)).toBeNull();
  });
});
