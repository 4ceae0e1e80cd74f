import { type ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  endsAt: number;
  blockedUntil: number;
}

const SWEEP_MS = 60_000;

/**
 * Fixed-window counters in this process, the same rule as the Redis script. The throttler's own
 * in-memory store keeps one timestamp per hit and filters them on every request: at thousands of
 * requests per second from one user that costs more than the route itself.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();

  constructor() {
    setInterval(() => this.sweep(Date.now()), SWEEP_MS).unref();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const id = `${throttlerName}:${key}`;
    let window = this.windows.get(id);
    if (window === undefined || (window.endsAt <= now && window.blockedUntil <= now)) {
      window = { hits: 0, endsAt: now + ttl, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    if (window.blockedUntil > now) {
      return { totalHits: window.hits, timeToExpire: seconds(window.endsAt - now), isBlocked: true, timeToBlockExpire: seconds(window.blockedUntil - now) };
    }
    if (window.endsAt <= now) Object.assign(window, { hits: 0, endsAt: now + ttl });
    window.hits += 1;
    if (window.hits > limit) {
      window.blockedUntil = now + blockDuration;
      return { totalHits: window.hits, timeToExpire: seconds(window.endsAt - now), isBlocked: true, timeToBlockExpire: seconds(blockDuration) };
    }
    return { totalHits: window.hits, timeToExpire: seconds(window.endsAt - now), isBlocked: false, timeToBlockExpire: 0 };
  }

  /** Forgets a counter and its block (a successful sign-in clears the account's attempts). */
  reset(key: string, throttlerName: string): Promise<void> {
    this.windows.delete(`${throttlerName}:${key}`);
    return Promise.resolve();
  }

  private sweep(now: number): void {
    for (const [id, window] of this.windows) if (window.endsAt <= now && window.blockedUntil <= now) this.windows.delete(id);
  }
}

function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
