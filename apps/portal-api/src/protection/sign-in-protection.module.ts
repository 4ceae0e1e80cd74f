import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { SignInAttempts } from '@keyport/developers';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SharedRedis } from './shared-redis';
import { SharedRedisModule } from './shared-redis.module';
import { SignInLockout } from './sign-in-lockout';

/** Per-account sign-in lockout (AUTH_LOCKOUT_ATTEMPTS in AUTH_LOCKOUT_WINDOW); shared through Redis when REDIS_URL is set. */
@Global()
@Module({
  imports: [SharedRedisModule],
  providers: [
    {
      provide: SignInAttempts,
      inject: [AppConfig, SharedRedis],
      useFactory: (config: AppConfig, redis: SharedRedis): SignInAttempts => {
        const memory = new MemoryThrottlerStorage();
        // A lockout that Redis being away turned off would be no lockout: count here meanwhile.
        const counters = redis.client ? new RedisThrottlerStorage(redis.client, memory) : memory;
        return new SignInLockout(counters, config.authLockout.attempts, config.authLockout.windowMs);
      },
    },
  ],
  exports: [SignInAttempts],
})
export class SignInProtectionModule {}
