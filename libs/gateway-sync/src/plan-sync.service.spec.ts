import { describe, expect, it } from 'vitest';
import { type GatewayDriver, type PlanBindingsService, type UsagePlanSettings } from '@keyport/api-gateway';
import { type Developer, type DeveloperAccountsService } from '@keyport/developers';
import { DEFAULT_TIERS, type TiersService } from '@keyport/tiers';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { PlanSyncService } from './plan-sync.service';

const [STANDARD, PREMIUM] = DEFAULT_TIERS;

function world(developer: Developer | null, bound: Record<string, string> = {}) {
  const bindings: Record<string, string> = { ...bound };
  const driver = strictFake<GatewayDriver>('GatewayDriver', {
    upsertUsagePlan: recorder(async (settings: UsagePlanSettings, existing?: string) => existing ?? `plan-for-${settings.name}`),
  });
  const planBindings = strictFake<PlanBindingsService>('PlanBindingsService', {
    planIdOf: async (owner: string) => bindings[owner] ?? null,
    bind: recorder(async (owner: string, planId: string) => void (bindings[owner] = planId)),
  });
  const tiers = strictFake<TiersService>('TiersService', {
    list: async () => [...DEFAULT_TIERS],
    find: async (slug: string) => DEFAULT_TIERS.find((tier) => tier.slug === slug) ?? null,
  });
  const developers = strictFake<DeveloperAccountsService>('DeveloperAccountsService', { find: async () => developer });
  return { service: new PlanSyncService(driver, planBindings, tiers, developers), driver, planBindings };
}

describe('PlanSyncService', () => {
  it("creates or updates each tier's plan under its bound id, tagged, and binds it", async () => {
    const { service, driver, planBindings } = world(null, { 'tier:standard': 'plan-s' });
    expect(await service.syncAllTiers()).toEqual([
      { tier: 'standard', planId: 'plan-s' },
      { tier: 'premium', planId: 'plan-for-keyport-premium' },
    ]);
    expect(driver.upsertUsagePlan).toHaveProperty('calls', [
      [{ name: 'keyport-standard', throttle: STANDARD.throttle, quota: STANDARD.quota, tags: { 'keyport:tier': 'standard' } }, 'plan-s'],
      [{ name: 'keyport-premium', throttle: PREMIUM.throttle, quota: PREMIUM.quota, tags: { 'keyport:tier': 'premium' } }, undefined],
    ]);
    expect(planBindings.bind).toHaveProperty('calls', [
      ['tier:standard', 'plan-s'],
      ['tier:premium', 'plan-for-keyport-premium'],
    ]);
  });

  it("puts a developer without a quota of their own in the tier's bound plan, creating it only when unbound", async () => {
    const bound = world(developerFixture({ tierSlug: 'premium' }), { 'tier:premium': 'plan-p' });
    expect(await bound.service.targetForDeveloper('dev-1')).toEqual({ planId: 'plan-p', quota: PREMIUM.quota });
    expect(bound.driver.upsertUsagePlan).toHaveProperty('calls', []);
    const unbound = world(developerFixture());
    expect(await unbound.service.planIdForDeveloper('dev-1')).toBe('plan-for-keyport-standard');
  });

  it("gives a developer with their own quota their own plan, with the tier's throttle", async () => {
    const quota = { limit: 42, period: 'DAY' as const };
    const { service, driver, planBindings } = world(developerFixture({ quotaOverride: quota }), { 'developer:dev-1': 'plan-own' });
    expect(await service.targetForDeveloper('dev-1')).toEqual({ planId: 'plan-own', quota });
    expect(driver.upsertUsagePlan).toHaveProperty('calls', [
      [{ name: 'keyport-dev-dev-1', throttle: STANDARD.throttle, quota, tags: { 'keyport:developer': 'dev-1' } }, 'plan-own'],
    ]);
    expect(planBindings.bind).toHaveProperty('calls', [['developer:dev-1', 'plan-own']]);
  });

  it('fails loudly for a developer or a tier that is gone (the outbox retries, then parks it)', async () => {
    await expect(world(null).service.targetForDeveloper('dev-1')).rejects.toThrow('Developer dev-1 not found');
    await expect(world(developerFixture({ tierSlug: 'gold' })).service.targetForDeveloper('dev-1')).rejects.toThrow('Tier gold not found');
  });
});
