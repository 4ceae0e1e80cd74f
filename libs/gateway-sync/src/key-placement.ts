import { Injectable } from '@nestjs/common';
import { GatewayConflictError, GatewayDriver } from '@keyport/api-gateway';
import { DeveloperAccountsService } from '@keyport/developers';
import { KeyPlacementsRepository } from './key-placements.repository';
import { PlanSyncService, type PlanTarget } from './plan-sync.service';

export interface PlacedKey {
  /** Keyport's key id. */
  id: string;
  gatewayKeyId: string;
  developerId: string;
}

/** What the gateway is known to hold for a key, when the caller knows better than the record. */
export interface KnownPlacement {
  planIds: string[];
  enabled: boolean | null;
}

/**
 * Puts a gateway key in the one plan its developer belongs in, and matches its enabled state. It
 * starts from what Keyport last applied, so a tier change costs DeleteUsagePlanKey +
 * CreateUsagePlanKey and nothing more; reconciliation repairs what changed behind Keyport's back.
 */
@Injectable()
export class KeyPlacement {
  constructor(
    private readonly driver: GatewayDriver,
    private readonly plans: PlanSyncService,
    private readonly developers: DeveloperAccountsService,
    private readonly placements: KeyPlacementsRepository,
  ) {}

  async place(key: PlacedKey, known?: KnownPlacement): Promise<PlanTarget> {
    const target = await this.plans.targetForDeveloper(key.developerId);
    const developer = await this.developers.find(key.developerId);
    const enabled = developer?.status === 'ACTIVE';
    const current = known ?? (await this.recorded(key));
    await this.move(key.gatewayKeyId, current.planIds, target.planId);
    if (current.enabled !== enabled) await this.driver.setApiKeyEnabled(key.gatewayKeyId, enabled);
    await this.placements.record({ keyId: key.id, gatewayKeyId: key.gatewayKeyId, planId: target.planId, enabled });
    return target;
  }

  private async recorded(key: PlacedKey): Promise<KnownPlacement> {
    const row = await this.placements.find(key.id);
    if (row && row.gatewayKeyId === key.gatewayKeyId) return { planIds: row.planId ? [row.planId] : [], enabled: row.enabled };
    return { planIds: await this.driver.plansOfKey(key.gatewayKeyId), enabled: null };
  }

  private async move(gatewayKeyId: string, current: string[], target: string): Promise<void> {
    // A key may sit in one plan per API stage: leave the old plan before joining the new one.
    for (const planId of current) {
      if (planId !== target) await this.driver.detachKeyFromPlan(gatewayKeyId, planId);
    }
    if (current.includes(target)) return;
    try {
      await this.driver.attachKeyToPlan(gatewayKeyId, target);
    } catch (error) {
      if (!(error instanceof GatewayConflictError)) throw error;
      // The record was stale: ask the gateway where the key really is, and move it from there.
      const actual = await this.driver.plansOfKey(gatewayKeyId);
      for (const planId of actual) {
        if (planId !== target) await this.driver.detachKeyFromPlan(gatewayKeyId, planId);
      }
      if (!actual.includes(target)) await this.driver.attachKeyToPlan(gatewayKeyId, target);
    }
  }
}
