import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { GatewayUnavailableError } from '../gateway-errors';
import { TokenBucket } from './token-bucket';

/**
 * Paces this process's API Gateway calls under the account's control-plane quotas, so AWS rarely
 * has to throttle us: all calls share one bucket; key creation and deletion have their own; usage
 * plan updates are so scarce (one per 20 s) that a caller is told when to come back instead of
 * waiting, which lets queued tier edits coalesce into one update.
 */
@Injectable()
export class AwsCallPacer {
  private readonly all: TokenBucket;
  private readonly perOperation: Map<string, TokenBucket>;

  constructor(@Inject(AppConfig) config: AppConfig) {
    const rate = config.aws.rate;
    this.all = new TokenBucket(rate.requestsPerSecond, rate.burst);
    this.perOperation = new Map([
      ['CreateApiKey', new TokenBucket(rate.keyWritesPerSecond, rate.keyWritesPerSecond)],
      ['DeleteApiKey', new TokenBucket(rate.keyWritesPerSecond, rate.keyWritesPerSecond)],
      ['UpdateUsagePlan', new TokenBucket(1000 / rate.planUpdateIntervalMs, 1)],
    ]);
  }

  async acquire(operation: string): Promise<void> {
    const own = this.perOperation.get(operation);
    if (operation === 'UpdateUsagePlan' && own) {
      const wait = own.waitMs();
      if (wait > 0) throw new GatewayUnavailableError(`UpdateUsagePlan is paced; next slot in ${wait} ms`, wait);
    }
    const wait = Math.max(own?.reserve() ?? 0, this.all.reserve());
    if (wait > 0) await sleep(wait);
  }
}
