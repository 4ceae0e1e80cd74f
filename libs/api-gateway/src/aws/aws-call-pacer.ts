import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { GatewayUnavailableError } from '../gateway-errors';
import { ReservationBucket } from './reservation-bucket';

/**
 * AWS counts calls as they arrive, we as they leave: pacing slightly under the quota, and keeping a
 * few calls of the burst in hand, leaves AWS's bucket the slack that absorbs network jitter and
 * event-loop stalls, instead of throttling calls that arrive bunched (each throttle costs a
 * Retry-After of a second).
 */
const RATE_MARGIN = 0.97;
const BURST_IN_HAND = 0.125;
const INTERVAL_MARGIN = 1.1;
const GET_RESOURCES_PER_SECOND = 2.5;
const GET_RESOURCES_BURST = 5;

/**
 * Paces this process's API Gateway calls under the account's control-plane quotas, so AWS rarely
 * has to throttle us: all calls share one bucket; key creation and deletion have their own; usage
 * plan updates are so scarce (one per 20 s) that a caller is told when to come back instead of
 * waiting, which lets queued tier edits coalesce into one update.
 */
@Injectable()
export class AwsCallPacer {
  private readonly all: ReservationBucket;
  private readonly perOperation: Map<string, ReservationBucket>;

  constructor(@Inject(AppConfig) config: AppConfig) {
    const rate = config.aws.rate;
    const keyWrites = rate.keyWritesPerSecond * RATE_MARGIN;
    this.all = new ReservationBucket(rate.requestsPerSecond * RATE_MARGIN, Math.max(1, Math.floor(rate.burst * (1 - BURST_IN_HAND))));
    this.perOperation = new Map([
      ['CreateApiKey', new ReservationBucket(keyWrites, rate.keyWritesPerSecond)],
      ['DeleteApiKey', new ReservationBucket(keyWrites, rate.keyWritesPerSecond)],
      ['UpdateUsagePlan', new ReservationBucket(1000 / (rate.planUpdateIntervalMs * INTERVAL_MARGIN), 1)],
      // AWS allows GetResources 5 requests every 2 seconds (the security audit pages through them).
      ['GetResources', new ReservationBucket(GET_RESOURCES_PER_SECOND * RATE_MARGIN, Math.floor(GET_RESOURCES_BURST * (1 - BURST_IN_HAND)))],
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
