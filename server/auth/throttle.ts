// Failed-token throttling per process: each unknown bearer token from one address is counted in a
// sliding window; from the third on the 401 comes later and later, and at `attempts` failures every
// request with a token from that address gets 429 with Retry-After until the window lets one go.
import { LRUCache } from 'lru-cache';

export interface ThrottleSettings {
  /** Failures allowed in the window; 0 turns the throttle off (KG_AUTH_THROTTLE=off). */
  attempts: number;
  windowMs: number;
}

/** Parses KG_AUTH_THROTTLE: `off`, or `attempts/windowSeconds` (default 10/60). */
export function parseThrottle(text: string | undefined): ThrottleSettings {
  const raw = text?.trim() || '10/60';
  if (raw === 'off') return { attempts: 0, windowMs: 0 };
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  const attempts = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (!match || attempts < 1 || attempts > 10_000 || seconds < 1 || seconds > 86_400)
    throw new Error(
      `KG_AUTH_THROTTLE: "${raw}" must be off or attempts/windowSeconds, e.g. 10/60 (attempts 1-10000, seconds 1-86400)`,
    );
  return { attempts, windowMs: seconds * 1000 };
}

/** The delay of the n-th failure in the window: none for the first two (a typo), then 250 ms doubling to 4 s. */
export const failureDelayMs = (n: number) => (n < 3 ? 0 : Math.min(250 * 2 ** (n - 3), 4000));

/** Addresses remembered at most. */
const MAX_ADDRESSES = 10_000;

export class FailedTokenThrottle {
  /** Least recently failed go first past the bound (bounded memory under a spray of addresses). */
  private readonly failures = new LRUCache<string, number[]>({ max: MAX_ADDRESSES });

  constructor(
    readonly settings: ThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled() {
    return this.settings.attempts > 0;
  }

  private recent(address: string): number[] {
    const since = this.now() - this.settings.windowMs;
    const kept = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(address, kept);
    else this.failures.delete(address);
    return kept;
  }

  /** Seconds until a request with a token from this address is heard again; 0 when it is now. */
  retryAfterSeconds(address: string): number {
    if (!this.enabled) return 0;
    const recent = this.recent(address);
    if (recent.length < this.settings.attempts) return 0;
    const freedAt = recent[recent.length - this.settings.attempts] + this.settings.windowMs;
    return Math.max(1, Math.ceil((freedAt - this.now()) / 1000));
  }

  /** Counts a failure; returns how long its answer should wait. */
  fail(address: string): number {
    if (!this.enabled) return 0;
    const recent = this.recent(address);
    recent.push(this.now());
    this.failures.set(address, recent);
    return failureDelayMs(recent.length);
  }
}
