import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '@keyport/config';

/**
 * The Redis connection replicas share state through (rate-limit counters), when REDIS_URL is set.
 * Commands fail fast instead of queueing while Redis is away: callers decide how to degrade.
 */
@Injectable()
export class SharedRedis implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | undefined;

  constructor(config: AppConfig) {
    if (config.redisUrl === undefined) return;
    // Loaded only when configured: the client costs a few hundred ms of every start that has no Redis.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a constructor cannot await import()
    const { Redis: RedisClient } = require('ioredis') as typeof import('ioredis');
    this.client = new RedisClient(config.redisUrl, {
      keyPrefix: config.redisKeyPrefix,
      enableOfflineQueue: true,
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
      connectTimeout: 2_000,
      lazyConnect: false,
    });
    this.client.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client === undefined) return;
    await this.client.quit().catch(() => this.client?.disconnect());
  }
}
