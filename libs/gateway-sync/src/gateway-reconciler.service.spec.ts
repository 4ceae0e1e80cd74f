import { describe, expect, it } from 'vitest';
import { type GatewayDriver, type GatewayKey, type GatewayPlan, type PlanBindingsService } from '@keyport/api-gateway';
import { type AppConfig } from '@keyport/config';
import { type DeveloperAccountsService } from '@keyport/developers';
import { type KeyGatewayState, type KeyGatewayStateService, type KeysService } from '@keyport/keys';
import { DEFAULT_TIERS, type TiersService } from '@keyport/tiers';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type GatewayJobHistory } from './gateway-job-history.service';
import { type GatewayJob, type JobTrigger } from './gateway-job-run';
import { GatewayReconcilerService } from './gateway-reconciler.service';
import { type KeyPlacement, type KnownPlacement, type PlacedKey } from './key-placement';
import { type PlanSyncService } from './plan-sync.service';
import { type ReconciledKey } from './reconciled-key';

const SCHEDULE: JobTrigger = { by: 'schedule' };

const STANDARD = DEFAULT_TIERS[0];
const PLAN: GatewayPlan = { id: 'plan-s', name: 'keyport-standard', throttle: STANDARD.throttle, quota: STANDARD.quota, apiStages: [], tags: {} };
const gatewayKey = (id: string, keyId: string | null, enabled = true): GatewayKey => ({
  id,
  name: `keyport-${keyId ?? id}`,
  enabled,
  tags: keyId ? { 'keyport:key': keyId } : {},
});
// A key whose developer is not active belongs to 'dev-off', the one developer the developers lib calls inactive.
const keyportKey = (id: string, gatewayKeyId: string | null, overrides: Partial<ReconciledKey> = {}): ReconciledKey => ({
  id,
  developerId: overrides.developerActive === false ? 'dev-off' : 'dev-1',
  status: 'ACTIVE',
  gatewayKeyId,
  developerActive: true,
  ...overrides,
});

interface Gateway {
  plans: GatewayPlan[];
  keys: GatewayKey[];
  members: Record<string, string[]>;
}

function world(gateway: Gateway, live: ReconciledKey[], options: { tagged?: ReconciledKey[]; bound?: string | null; failing?: string } = {}) {
  const repairs: string[] = [];
  const repair = (what: string) => {
    repairs.push(what);
    if (what === options.failing) throw new Error(`${what} refused`);
  };
  const driver = strictFake<GatewayDriver>('GatewayDriver', {
    listPlans: async () => gateway.plans,
    listApiKeys: async () => gateway.keys,
    keysOfPlan: async (planId: string) => gateway.members[planId] ?? [],
    deleteApiKey: async (id: string) => repair(`delete ${id}`),
  });
  const tiers = strictFake<TiersService>('TiersService', { list: async () => [STANDARD] });
  const bindings = strictFake<PlanBindingsService>('PlanBindingsService', { planIdOf: async () => (options.bound === undefined ? 'plan-s' : options.bound) });
  const plans = strictFake<PlanSyncService>('PlanSyncService', {
    syncTier: async () => (repair('syncTier standard'), 'plan-s'),
    planIdForDeveloper: async () => 'plan-s',
  });
  const placement = strictFake<KeyPlacement>('KeyPlacement', {
    place: recorder(async (key: PlacedKey, _known?: KnownPlacement) => (repair(`place ${key.id}`), { planId: 'plan-s', quota: STANDARD.quota })),
  });
  const keys = strictFake<KeysService>('KeysService', { revokeLost: async (keyId: string) => (repair(`revokeLost ${keyId}`), true) });
  const stateOf = ({ developerActive: _active, ...key }: ReconciledKey): KeyGatewayState => key;
  const keyStates = strictFake<KeyGatewayStateService>('KeyGatewayStateService', {
    live: async () => live.map(stateOf),
    byIds: recorder(async () => (options.tagged ?? []).map(stateOf)),
  });
  const developers = strictFake<DeveloperAccountsService>('DeveloperAccountsService', {
    activeAmong: recorder(async (ids: readonly string[]) => new Set(ids.filter((id) => id !== 'dev-off'))),
  });
  const config = { gatewayDriver: 'local' } as AppConfig;
  const jobs: Array<[GatewayJob, { trigger: JobTrigger; dryRun?: boolean }]> = [];
  const history = strictFake<GatewayJobHistory>('GatewayJobHistory', {
    track: <R>(job: GatewayJob, how: { trigger: JobTrigger; dryRun?: boolean }, run: () => Promise<R>) => (jobs.push([job, how]), run()),
  });
  const service = new GatewayReconcilerService(driver, tiers, bindings, plans, placement, keys, keyStates, developers, config, history);
  return { service, repairs, placement, keyStates, developers, jobs };
}

/** A gateway that drifted every way it can, but for the tier plan. */
function drifted() {
  const gateway: Gateway = {
    plans: [
      { ...PLAN, quota: { ...STANDARD.quota, limit: 1 } },
      { ...PLAN, id: 'plan-x', name: 'keyport-dev-dev-9' },
    ],
    keys: [
      gatewayKey('gw-1', 'key-1'),
      gatewayKey('gw-dup', 'key-1'),
      gatewayKey('gw-revoked', 'key-r'),
      gatewayKey('gw-nowhere', 'key-2'),
      gatewayKey('gw-on', 'key-3', true),
      gatewayKey('gw-two', 'key-6'),
      gatewayKey('gw-made-by-hand', null),
    ],
    members: { 'plan-s': ['gw-1', 'gw-dup', 'gw-on', 'gw-two'], 'plan-x': ['gw-two'] },
  };
  const live = [
    keyportKey('key-1', 'gw-1'),
    keyportKey('key-5', null, { status: 'PROVISIONING' }),
    keyportKey('key-2', 'gw-nowhere'),
    keyportKey('key-3', 'gw-on', { developerActive: false }),
    keyportKey('key-4', 'gw-gone'),
    keyportKey('key-6', 'gw-two'),
  ];
  return { gateway, live, tagged: [keyportKey('key-r', 'gw-revoked', { status: 'REVOKED' })] };
}

describe('GatewayReconcilerService', () => {
  it('finds nothing when the gateway matches Keyport', async () => {
    const { service, repairs, jobs } = world({ plans: [PLAN], keys: [gatewayKey('gw-1', 'key-1')], members: { 'plan-s': ['gw-1'] } }, [
      keyportKey('key-1', 'gw-1'),
    ]);
    expect(await service.run({ dryRun: false, trigger: SCHEDULE })).toEqual({
      dryRun: false,
      checked: { plans: 1, gatewayKeys: 1, keyportKeys: 1 },
      findings: [],
      repaired: 0,
    });
    expect(repairs).toEqual([]);
    expect(jobs).toEqual([['reconciliation', { dryRun: false, trigger: SCHEDULE }]]);
  });

  it('names every kind of drift on a dry run, changing nothing', async () => {
    const { gateway, live, tagged } = drifted();
    const { service, repairs, keyStates, developers } = world(gateway, live, { tagged });
    const report = await service.run({ dryRun: true, trigger: SCHEDULE });
    expect(report.findings.map((finding) => [finding.kind, finding.keyId, finding.gatewayKeyId])).toEqual([
      ['plan-settings', undefined, undefined],
      ['duplicate-key', 'key-1', 'gw-dup'],
      ['stray-key', 'key-r', 'gw-revoked'],
      ['wrong-plan', 'key-2', 'gw-nowhere'],
      ['wrong-enabled', 'key-3', 'gw-on'],
      ['missing-key', 'key-4', 'gw-gone'],
      // In its plan, but in a second one as well.
      ['wrong-plan', 'key-6', 'gw-two'],
    ]);
    expect(report).toMatchObject({ dryRun: true, repaired: 0, checked: { plans: 2, gatewayKeys: 6, keyportKeys: 6 } });
    // Only keys Keyport tagged are looked up, and the untagged one is not Keyport's business.
    expect(keyStates.byIds).toHaveProperty('calls', [[['key-1', 'key-1', 'key-r', 'key-2', 'key-3', 'key-6']]]);
    // Whether a key's developer is active comes from the developers lib, asked once for all the keys.
    expect(developers.activeAmong).toHaveProperty('calls', [[['dev-1', 'dev-1', 'dev-1', 'dev-off', 'dev-1', 'dev-1', 'dev-1']]]);
    expect(repairs).toEqual([]);
  });

  it('repairs each finding: plans re-set, stray and duplicate keys deleted, lost keys revoked, keys moved from where they are', async () => {
    const { gateway, live, tagged } = drifted();
    const { service, repairs, placement } = world(gateway, live, { tagged });
    expect((await service.run({ dryRun: false, trigger: SCHEDULE })).repaired).toBe(7);
    expect(repairs).toEqual(['syncTier standard', 'delete gw-dup', 'delete gw-revoked', 'place key-2', 'place key-3', 'revokeLost key-4', 'place key-6']);
    expect(placement.place).toHaveProperty('calls', [
      [
        { id: 'key-2', gatewayKeyId: 'gw-nowhere', developerId: 'dev-1' },
        { planIds: [], enabled: true },
      ],
      [
        { id: 'key-3', gatewayKeyId: 'gw-on', developerId: 'dev-off' },
        { planIds: ['plan-s'], enabled: true },
      ],
      [
        { id: 'key-6', gatewayKeyId: 'gw-two', developerId: 'dev-1' },
        { planIds: ['plan-s', 'plan-x'], enabled: true },
      ],
    ]);
  });

  it('goes on past a repair that fails, counting only those that worked', async () => {
    const { gateway, live, tagged } = drifted();
    const { service, repairs } = world(gateway, live, { tagged, failing: 'delete gw-dup' });
    expect((await service.run({ dryRun: false, trigger: SCHEDULE })).repaired).toBe(6);
    expect(repairs).toHaveLength(7);
  });

  it("creates a tier's plan that is missing, and re-binds one found only by its name", async () => {
    const missing = world({ plans: [], keys: [], members: {} }, [], { bound: null });
    expect((await missing.service.run({ dryRun: false, trigger: SCHEDULE })).findings).toEqual([
      { kind: 'plan-missing', detail: 'no usage plan for tier standard', action: 'create it' },
    ]);
    expect(missing.repairs).toEqual(['syncTier standard']);
    const byName = world({ plans: [PLAN], keys: [], members: {} }, [], { bound: 'plan-lost' });
    expect((await byName.service.run({ dryRun: true, trigger: SCHEDULE })).findings.map((finding) => finding.kind)).toEqual(['plan-settings']);
  });
});
