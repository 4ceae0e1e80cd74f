import { createHash } from 'node:crypto';
import { type SignInAttempt, SignInAttempts } from '@keyport/developers';
import { type MemoryThrottlerStorage } from './memory-throttler.storage';
import { type RedisThrottlerStorage } from './redis-throttler.storage';

const COUNTER = 'signin';

/**
 * Sign-in attempts per account on the rate limiter's counters (in Redis when REDIS_URL is set, so
 * replicas share them): `attempts` in a window of `windowMs` from the first one; the next locks the
 * account for `windowMs`. Counted under a digest of the e-mail, so the store never lists who tried.
 */
export class SignInLockout extends SignInAttempts {
  constructor(
    private readonly counters: MemoryThrottlerStorage | RedisThrottlerStorage,
    private readonly attempts: number,
    private readonly windowMs: number,
  ) {
    super();
  }

  async attempt(email: string): Promise<SignInAttempt> {
    const counted = await this.counters.increment(accountKey(email), this.windowMs, this.attempts, this.windowMs, COUNTER);
    return { allowed: !counted.isBlocked, retryAfterSeconds: Math.max(1, counted.timeToBlockExpire) };
  }

  succeeded(email: string): Promise<void> {
    return this.counters.reset(accountKey(email), COUNTER);
  }
}

function accountKey(email: string): string {
  return createHash('sha256').update(email).digest('hex').slice(0, 32);
}
