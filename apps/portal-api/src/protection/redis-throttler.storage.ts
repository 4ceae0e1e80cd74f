import { Logger } from '@nestjs/common';
import { type ThrottlerStorage } from '@nestjs/throttler';
import { type Redis } from 'ioredis';
import { type MemoryThrottlerStorage } from './memory-throttler.storage';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// One round trip, atomic across replicas: count the hit in a fixed window; past the limit, block
// for blockDuration. Returns {hits, window ms left, blocked 0/1, block ms left}.
const INCREMENT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return {hits, math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockLeft}
end
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, left, 1, tonumber(ARGV[3])}
end
return {hits, left, 0, 0}
`;

/**
 * Rate-limit counters in Redis, so every replica enforces one limit. If Redis does not answer the
 * request is let through (and logged): an unavailable limiter must not take the portal down. With a
 * `fallback`, this process counts on its own meanwhile instead (a weaker limit, never none).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');

  constructor(
    private readonly redis: Redis,
    private readonly fallback?: MemoryThrottlerStorage,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, windowLeft, blocked, blockLeft] = (await this.redis.eval(
        INCREMENT,
        2,
        `rl:${throttlerName}:${key}`,
        `rl:${throttlerName}:${key}:blocked`,
        ttl,
        limit,
        blockDuration,
      )) as [number, number, number, number];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(windowLeft / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockLeft / 1000),
      };
    } catch (error) {
      this.logger.warn(`Rate limit ${this.fallback ? 'counted in this process only' : 'not checked'}, Redis did not answer: ${(error as Error).message}`);
      if (this.fallback) return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  /** Forgets a counter and its block, here and in the fallback. */
  async reset(key: string, throttlerName: string): Promise<void> {
    await this.fallback?.reset(key, throttlerName);
    try {
      await this.redis.del(`rl:${throttlerName}:${key}`, `rl:${throttlerName}:${key}:blocked`);
    } catch (error) {
      this.logger.warn(`Counter not reset, Redis did not answer: ${(error as Error).message}`);
    }
  }
}
