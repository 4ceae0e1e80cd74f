import { describe, expect, it } from 'vitest';
import { type GatewayDriver, GatewayUnavailableError, type PlanBindingsService, type UsageRecord } from '@keyport/api-gateway';
import { type Clock } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { type KeyGatewayStateService } from '@keyport/keys';
import { type UsageIncrement, type UsageRecorderService } from '@keyport/usage';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type GatewayJobHistory } from './gateway-job-history.service';
import { type GatewayJob, type JobTrigger } from './gateway-job-run';
import { UsageIngestionService } from './usage-ingestion.service';

const SCHEDULE: JobTrigger = { by: 'schedule' };

const NOW = new Date('2026-12-03T10:00:00Z');

function world(usageByPlan: Record<string, UsageRecord[] | Error>, bindings = [{ owner: 'tier:standard', planId: 'plan-s' }]) {
  const driver = strictFake<GatewayDriver>('GatewayDriver', {
    planUsage: recorder(async (planId: string) => {
      const usage = usageByPlan[planId] ?? [];
      if (usage instanceof Error) throw usage;
      return usage;
    }),
  });
  const planBindings = strictFake<PlanBindingsService>('PlanBindingsService', { all: async () => bindings });
  const keys = strictFake<KeyGatewayStateService>('KeyGatewayStateService', {
    ownersByGatewayId: recorder(async () => new Map([['gw-1', { keyId: 'key-1', developerId: 'dev-1' }]])),
  });
  const usage = strictFake<UsageRecorderService>('UsageRecorderService', { replaceDaily: recorder(async (_rows: readonly UsageIncrement[]) => undefined) });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const config = { gatewayJobs: { usageSyncDays: 3 } } as AppConfig;
  const jobs: Array<[GatewayJob, { trigger: JobTrigger; dryRun?: boolean }]> = [];
  const history = strictFake<GatewayJobHistory>('GatewayJobHistory', {
    track: <R>(job: GatewayJob, how: { trigger: JobTrigger; dryRun?: boolean }, run: () => Promise<R>) => (jobs.push([job, how]), run()),
  });
  return { service: new UsageIngestionService(driver, planBindings, keys, usage, clock, config, history), driver, keys, usage, jobs };
}

describe('UsageIngestionService', () => {
  it("re-reads the last days of every bound plan, once per plan, and replaces each known key's days", async () => {
    const { service, driver, usage, keys, jobs } = world(
      {
        'plan-s': [
          { gatewayKeyId: 'gw-1', day: '2026-12-02', used: 7 },
          { gatewayKeyId: 'gw-1', day: '2026-12-03', used: 0 },
          { gatewayKeyId: 'gw-stray', day: '2026-12-03', used: 5 },
        ],
      },
      [
        { owner: 'tier:standard', planId: 'plan-s' },
        { owner: 'tier:premium', planId: 'plan-s' },
      ],
    );
    expect(await service.run(SCHEDULE)).toEqual({ from: '2026-12-01', to: '2026-12-03', plans: 1, rows: 1, unknownKeys: 1 });
    expect(driver.planUsage).toHaveProperty('calls', [['plan-s', '2026-12-01', '2026-12-03']]);
    expect(keys.ownersByGatewayId).toHaveProperty('calls', [[['gw-1', 'gw-stray']]]);
    // A day without requests writes no row.
    expect(usage.replaceDaily).toHaveProperty('calls', [[[{ keyId: 'key-1', developerId: 'dev-1', day: '2026-12-02', requests: 7 }]]]);
    expect(jobs).toEqual([['usageIngestion', { trigger: SCHEDULE }]]);
  });

  it('adds up the day of a key that changed plan during it', async () => {
    const { service, usage } = world(
      { 'plan-a': [{ gatewayKeyId: 'gw-1', day: '2026-12-03', used: 4 }], 'plan-b': [{ gatewayKeyId: 'gw-1', day: '2026-12-03', used: 6 }] },
      [
        { owner: 'tier:standard', planId: 'plan-a' },
        { owner: 'developer:dev-1', planId: 'plan-b' },
      ],
    );
    await service.run(SCHEDULE, 1);
    expect(usage.replaceDaily).toHaveProperty('calls', [[[{ keyId: 'key-1', developerId: 'dev-1', day: '2026-12-03', requests: 10 }]]]);
  });

  it("answers an admin's run with 503 when the gateway does not answer, and lets other failures through", async () => {
    await expect(world({ 'plan-s': new GatewayUnavailableError('throttled') }).service.runOnDemand('admin-1')).rejects.toMatchObject({ kind: 'UNAVAILABLE' });
    await expect(world({ 'plan-s': new Error('bug') }).service.runOnDemand('admin-1')).rejects.toThrow('bug');
  });
});
