import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig } from '@keyport/config';
import { AUTH_LIMIT, USER_LIMIT, isAuthRoute } from './portal-throttler.guard';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SharedRedis } from './shared-redis';
import { SharedRedisModule } from './shared-redis.module';

/** Rate limits of the portal itself; counters in Redis when REDIS_URL is set, else in this process. */
export const ProtectionModule = ThrottlerModule.forRootAsync({
  imports: [SharedRedisModule],
  inject: [AppConfig, SharedRedis],
  useFactory: (config: AppConfig, redis: SharedRedis): ThrottlerModuleOptions => {
    const ttl = config.rateLimits.windowSeconds * 1000;
    return {
      throttlers: [
        { name: AUTH_LIMIT, ttl, limit: config.rateLimits.authMax, skipIf: (context) => !isAuthRoute(context) },
        { name: USER_LIMIT, ttl, limit: config.rateLimits.userMax, skipIf: isAuthRoute },
      ],
      storage: redis.client ? new RedisThrottlerStorage(redis.client) : new MemoryThrottlerStorage(),
    };
  },
});
