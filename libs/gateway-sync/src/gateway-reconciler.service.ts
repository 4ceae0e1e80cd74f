import { Inject, Injectable, Logger } from '@nestjs/common';
import { type GatewayKey, type GatewayPlan, GATEWAY_TAG, GatewayDriver, PlanBindingsService, planName, planOwner } from '@keyport/api-gateway';
import { AppConfig } from '@keyport/config';
import { DeveloperAccountsService } from '@keyport/developers';
import { KeyGatewayStateService, KeysService } from '@keyport/keys';
import { type Tier, TiersService } from '@keyport/tiers';
import { GatewayJobHistory } from './gateway-job-history.service';
import { type JobTrigger } from './gateway-job-run';
import { KeyPlacement } from './key-placement';
import { withPatience } from './paced-retry';
import { type ReconcileFinding, type ReconcileReport } from './reconcile-report';
import { type ReconciledKey } from './reconciled-key';
import { PlanSyncService } from './plan-sync.service';

/**
 * Compares what the gateway holds (keys tagged by Keyport, plan membership, plan settings) with
 * Keyport's database and repairs the difference: plans recreated or re-set, stray and duplicate keys
 * deleted, keys moved back to their plan and re-enabled or disabled. A key deleted behind Keyport's
 * back cannot be recreated (Keyport keeps only its hash), so it is revoked in Keyport instead.
 */
@Injectable()
export class GatewayReconcilerService {
  private readonly logger = new Logger(GatewayReconcilerService.name);

  constructor(
    private readonly driver: GatewayDriver,
    private readonly tiers: TiersService,
    private readonly bindings: PlanBindingsService,
    private readonly plans: PlanSyncService,
    private readonly placement: KeyPlacement,
    private readonly keys: KeysService,
    private readonly keyStates: KeyGatewayStateService,
    private readonly developers: DeveloperAccountsService,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly history: GatewayJobHistory,
  ) {}

  run(options: { dryRun: boolean; trigger: JobTrigger }): Promise<ReconcileReport> {
    return this.history.track('reconciliation', options, () => this.reconcile(options));
  }

  private async reconcile(options: { dryRun: boolean }): Promise<ReconcileReport> {
    const findings: Array<ReconcileFinding & { repair: () => Promise<unknown> }> = [];
    const gatewayPlans = await this.driver.listPlans();
    for (const tier of await this.tiers.list()) findings.push(...(await this.checkTierPlan(tier, gatewayPlans)));
    const planIds = new Set(gatewayPlans.map((plan) => plan.id));

    const gatewayKeys = (await this.driver.listApiKeys()).filter((key) => key.tags[GATEWAY_TAG.key]);
    const membership = new Map<string, string[]>();
    for (const planId of planIds) {
      for (const keyId of await this.driver.keysOfPlan(planId)) membership.set(keyId, [...(membership.get(keyId) ?? []), planId]);
    }
    const { live, tagged } = await this.keyportKeys(gatewayKeys.map((key) => key.tags[GATEWAY_TAG.key]));
    const byId = new Map([...tagged, ...live].map((key) => [key.id, key]));

    for (const gatewayKey of gatewayKeys) {
      const key = byId.get(gatewayKey.tags[GATEWAY_TAG.key]);
      const stray = !key || key.status === 'REVOKED';
      const duplicate = key && key.gatewayKeyId !== null && key.gatewayKeyId !== gatewayKey.id;
      if (stray || duplicate) {
        findings.push({
          kind: stray ? 'stray-key' : 'duplicate-key',
          detail: `gateway key ${gatewayKey.id} (${gatewayKey.name}) ${stray ? 'matches no live Keyport key' : `duplicates ${key.gatewayKeyId}`}`,
          action: 'delete it at the gateway',
          keyId: key?.id,
          gatewayKeyId: gatewayKey.id,
          repair: () => this.driver.deleteApiKey(gatewayKey.id),
        });
      }
    }

    const atGateway = new Map(gatewayKeys.map((key) => [key.id, key]));
    for (const key of live) {
      // Not provisioned yet: its outbox item is on the way and will place it.
      if (!key.gatewayKeyId) continue;
      const gatewayKey = atGateway.get(key.gatewayKeyId);
      if (!gatewayKey) {
        findings.push({
          kind: 'missing-key',
          detail: `key ${key.id} (gateway id ${key.gatewayKeyId}) is gone from the gateway; its value cannot be restored`,
          action: 'revoke it in Keyport so the developer sees it and makes a new one',
          keyId: key.id,
          gatewayKeyId: key.gatewayKeyId,
          repair: () => this.keys.revokeLost(key.id),
        });
        continue;
      }
      findings.push(...(await this.checkPlacement(key, gatewayKey, membership.get(gatewayKey.id) ?? [])));
    }

    let repaired = 0;
    if (!options.dryRun) {
      for (const finding of findings) {
        try {
          await withPatience(finding.repair);
          repaired += 1;
        } catch (error) {
          this.logger.error(`Could not repair ${finding.kind} (${finding.detail}): ${(error as Error).message}`);
        }
      }
    }
    const report: ReconcileReport = {
      dryRun: options.dryRun,
      checked: { plans: gatewayPlans.length, gatewayKeys: gatewayKeys.length, keyportKeys: live.length },
      findings: findings.map(({ repair: _repair, ...finding }) => finding),
      repaired,
    };
    if (findings.length > 0) this.logger.warn(`Reconciliation found ${findings.length} difference(s), repaired ${repaired}`);
    return report;
  }

  /** The live keys, and the keys behind the gateway's tags, each with whether its developer is active. */
  private async keyportKeys(taggedIds: string[]): Promise<{ live: ReconciledKey[]; tagged: ReconciledKey[] }> {
    const live = await this.keyStates.live();
    const tagged = await this.keyStates.byIds(taggedIds);
    const active = await this.developers.activeAmong([...live, ...tagged].map((key) => key.developerId));
    const withOwner = (keys: typeof live) => keys.map((key) => ({ ...key, developerActive: active.has(key.developerId) }));
    return { live: withOwner(live), tagged: withOwner(tagged) };
  }

  private async checkTierPlan(tier: Tier, gatewayPlans: GatewayPlan[]): Promise<Array<ReconcileFinding & { repair: () => Promise<unknown> }>> {
    const boundId = await this.bindings.planIdOf(planOwner.tier(tier.slug));
    const plan = gatewayPlans.find((p) => p.id === boundId) ?? gatewayPlans.find((p) => p.name === planName.tier(tier.slug));
    const repair = () => this.plans.syncTier(tier);
    if (!plan) {
      return [{ kind: 'plan-missing', detail: `no usage plan for tier ${tier.slug}`, action: 'create it', repair }];
    }
    const stages = this.config.gatewayDriver === 'aws' ? this.config.aws.apiStages.map((s) => `${s.restApiId}:${s.stage}`) : plan.apiStages;
    const differs =
      plan.id !== boundId ||
      plan.throttle?.rateLimit !== tier.throttle.rateLimit ||
      plan.throttle.burstLimit !== tier.throttle.burstLimit ||
      plan.quota?.limit !== tier.quota.limit ||
      plan.quota.period !== tier.quota.period ||
      [...plan.apiStages].sort().join() !== [...stages].sort().join();
    if (!differs) return [];
    return [{ kind: 'plan-settings', detail: `plan ${plan.id} (${plan.name}) differs from tier ${tier.slug}`, action: 'update the plan', repair }];
  }

  private async checkPlacement(
    key: ReconciledKey,
    gatewayKey: GatewayKey,
    plansOfKey: string[],
  ): Promise<Array<ReconcileFinding & { repair: () => Promise<unknown> }>> {
    const target = await this.plans.planIdForDeveloper(key.developerId);
    const repair = () =>
      this.placement.place({ id: key.id, gatewayKeyId: gatewayKey.id, developerId: key.developerId }, { planIds: plansOfKey, enabled: gatewayKey.enabled });
    const base = { keyId: key.id, gatewayKeyId: gatewayKey.id, repair };
    if (plansOfKey.length !== 1 || plansOfKey[0] !== target) {
      const where = plansOfKey.length === 0 ? 'no plan' : `plan(s) ${plansOfKey.join(', ')}`;
      return [{ kind: 'wrong-plan', detail: `key ${key.id} is in ${where}, belongs in ${target}`, action: 'move it', ...base }];
    }
    if (gatewayKey.enabled !== key.developerActive) {
      const wanted = key.developerActive ? 'enabled' : 'disabled';
      return [{ kind: 'wrong-enabled', detail: `key ${key.id} should be ${wanted}`, action: `set it ${wanted}`, ...base }];
    }
    return [];
  }
}
