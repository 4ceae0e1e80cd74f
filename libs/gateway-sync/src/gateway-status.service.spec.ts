import { describe, expect, it } from 'vitest';
import { type AwsCallStats } from '@keyport/api-gateway';
import { type Clock } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { type KeyCapacity } from '@keyport/keys';
import { type OutboxBacklogService, type OutboxBacklogStats } from '@keyport/outbox';
import { strictFake } from '../../../test/support/strict-fake';
import { GatewayStatusService } from './gateway-status.service';

const NOW = new Date('2026-12-03T10:00:00Z');

function status(gatewayDriver: 'local' | 'aws', backlog: OutboxBacklogStats) {
  const capacity = strictFake<KeyCapacity>('KeyCapacity', { usage: async () => ({ used: 4, limit: gatewayDriver === 'aws' ? 10_000 : null }) });
  const outbox = strictFake<OutboxBacklogService>('OutboxBacklogService', { stats: async () => backlog });
  const stats = strictFake<AwsCallStats>('AwsCallStats', {
    snapshot: () => ({ calls: { CreateApiKey: 2, GetUsage: 5 }, throttled: 1, serverErrors: 0, networkErrors: 3 }),
  });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const config = { gatewayDriver, aws: { region: 'eu-west-1' } } as AppConfig;
  return new GatewayStatusService(capacity, outbox, stats, clock, config).report();
}

describe('GatewayStatusService', () => {
  it('reports key capacity and the sync backlog with the age of its oldest item; no AWS calls on the local driver', async () => {
    expect(await status('local', { pending: 2, oldestPendingAt: new Date(NOW.getTime() - 90_400), dead: 1 })).toEqual({
      driver: 'local',
      keys: { used: 4, limit: null },
      sync: { pending: 2, oldestPendingSeconds: 90, dead: 1 },
    });
    // A clock a little behind the database's never shows a negative age.
    expect((await status('local', { pending: 1, oldestPendingAt: new Date(NOW.getTime() + 5_000), dead: 0 })).sync.oldestPendingSeconds).toBe(0);
  });

  it('adds the region and the AWS calls sent, throttled and failed on the aws driver', async () => {
    expect(await status('aws', { pending: 0, oldestPendingAt: null, dead: 0 })).toEqual({
      driver: 'aws',
      region: 'eu-west-1',
      keys: { used: 4, limit: 10_000 },
      sync: { pending: 0, oldestPendingSeconds: null, dead: 0 },
      calls: { sent: 7, throttled: 1, serverErrors: 0, networkErrors: 3 },
    });
  });
});
