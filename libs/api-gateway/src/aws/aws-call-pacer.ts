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
/**
 * AWS counts calls as they arrive, we as they leave: pacing slightly under the quota lets AWS's
 * bucket gain the slack that absorbs network jitter, instead of throttling a call that arrives early.
 */
const RATE_MARGIN = 0.95;
const INTERVAL_MARGIN = 1.1;

@Injectable()
export class AwsCallPacer {
  private readonly all: TokenBucket;
  private readonly perOperation: Map<string, TokenBucket>;

  constructor(@Inject(AppConfig) config: AppConfig) {
    const rate = config.aws.rate;
    const keyWrites = rate.keyWritesPerSecond * RATE_MARGIN;
    this.all = new TokenBucket(rate.requestsPerSecond * RATE_MARGIN, rate.burst);
    this.perOperation = new Map([
      ['CreateApiKey', new TokenBucket(keyWrites, rate.keyWritesPerSecond)],
      ['DeleteApiKey', new TokenBucket(keyWrites, rate.keyWritesPerSecond)],
      ['UpdateUsagePlan', new TokenBucket(1000 / (rate.planUpdateIntervalMs * INTERVAL_MARGIN), 1)],
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
