// The SDK types every output field as optional; API Gateway always returns the id of a resource it holds.
/* eslint-disable @typescript-eslint/no-non-null-assertion */
import {
  type ApiKey,
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsageCommand,
  GetUsagePlanCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  UpdateApiKeyCommand,
  UpdateUsageCommand,
  UpdateUsagePlanCommand,
  type UsagePlan,
} from '@aws-sdk/client-api-gateway';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, isoDay, quotaWindow } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { GatewayDriver, type GatewayKey, type GatewayKeySpec, type GatewayPlan, type UsagePlanSettings, type UsageRecord } from '../gateway-driver.port';
import { GatewayConflictError, GatewayNotFoundError } from '../gateway-errors';
import { AwsCalls } from './aws-calls';
import { PAGE_LIMIT, allPages } from './aws-pages';
import { planPatch } from './plan-patch';

const PING_TRUST_MS = 10_000;

/**
 * API Gateway's control plane through `@aws-sdk/client-api-gateway`. Every method is idempotent:
 * deleting what is gone succeeds, creating what exists finds it, so the outbox may replay any call.
 */
@Injectable()
export class AwsGatewayDriver extends GatewayDriver {
  readonly name = 'aws' as const;
  private lastPingAt = 0;

  constructor(
    private readonly calls: AwsCalls,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    super();
  }

  async upsertUsagePlan(settings: UsagePlanSettings, existingPlanId?: string): Promise<string> {
    const stages = this.config.aws.apiStages.map((stage) => `${stage.restApiId}:${stage.stage}`);
    const existing = (existingPlanId ? await this.getPlan(existingPlanId) : null) ?? (await this.findPlanByName(settings.name));
    if (!existing) {
      const created = await this.calls.send('CreateUsagePlan', (client) =>
        client.send(
          new CreateUsagePlanCommand({
            name: settings.name,
            description: 'Managed by Keyport',
            apiStages: this.config.aws.apiStages.map((stage) => ({ apiId: stage.restApiId, stage: stage.stage })),
            throttle: settings.throttle,
            quota: { limit: settings.quota.limit, period: settings.quota.period, offset: 0 },
            tags: settings.tags,
          }),
        ),
      );
      return created.id!;
    }
    const patchOperations = planPatch(existing, settings, stages);
    if (patchOperations.length > 0) {
      await this.calls.send('UpdateUsagePlan', (client) => client.send(new UpdateUsagePlanCommand({ usagePlanId: existing.id, patchOperations })));
    }
    return existing.id;
  }

  async deleteUsagePlan(planId: string): Promise<void> {
    await this.ignoreNotFound(this.calls.send('DeleteUsagePlan', (client) => client.send(new DeleteUsagePlanCommand({ usagePlanId: planId }))));
  }

  async createApiKey(spec: GatewayKeySpec): Promise<GatewayKey> {
    try {
      const created = await this.calls.send('CreateApiKey', (client) =>
        client.send(new CreateApiKeyCommand({ name: spec.name, value: spec.value, enabled: spec.enabled, tags: spec.tags })),
      );
      return toKey(created);
    } catch (error) {
      // An earlier attempt made it (its answer was lost): the value is taken, by our own key.
      if (!(error instanceof GatewayConflictError)) throw error;
      const existing = await this.findApiKeyByName(spec.name);
      if (existing) return existing;
      throw error;
    }
  }

  async findApiKeyByName(name: string): Promise<GatewayKey | null> {
    const keys = await allPages((position) =>
      this.calls.send('GetApiKeys', (client) => client.send(new GetApiKeysCommand({ nameQuery: name, includeValues: false, limit: PAGE_LIMIT, position }))),
    );
    const found = keys.find((key) => key.name === name);
    return found ? toKey(found) : null;
  }

  async deleteApiKey(gatewayKeyId: string): Promise<void> {
    await this.ignoreNotFound(this.calls.send('DeleteApiKey', (client) => client.send(new DeleteApiKeyCommand({ apiKey: gatewayKeyId }))));
  }

  async setApiKeyEnabled(gatewayKeyId: string, enabled: boolean): Promise<void> {
    await this.calls.send('UpdateApiKey', (client) =>
      client.send(new UpdateApiKeyCommand({ apiKey: gatewayKeyId, patchOperations: [{ op: 'replace', path: '/enabled', value: String(enabled) }] })),
    );
  }

  async attachKeyToPlan(gatewayKeyId: string, planId: string): Promise<void> {
    try {
      await this.calls.send('CreateUsagePlanKey', (client) =>
        client.send(new CreateUsagePlanKeyCommand({ usagePlanId: planId, keyId: gatewayKeyId, keyType: 'API_KEY' })),
      );
    } catch (error) {
      // Already in this plan is success; in another plan of the same stage is the caller's to resolve.
      if (error instanceof GatewayConflictError && (await this.plansOfKey(gatewayKeyId)).includes(planId)) return;
      throw error;
    }
  }

  async detachKeyFromPlan(gatewayKeyId: string, planId: string): Promise<void> {
    await this.ignoreNotFound(
      this.calls.send('DeleteUsagePlanKey', (client) => client.send(new DeleteUsagePlanKeyCommand({ usagePlanId: planId, keyId: gatewayKeyId }))),
    );
  }

  async plansOfKey(gatewayKeyId: string): Promise<string[]> {
    const plans = await allPages((position) =>
      this.calls.send('GetUsagePlans', (client) => client.send(new GetUsagePlansCommand({ keyId: gatewayKeyId, limit: PAGE_LIMIT, position }))),
    );
    return plans.map((plan) => plan.id!);
  }

  async adjustRemainingQuota(planId: string, gatewayKeyId: string, delta: number): Promise<void> {
    const plan = await this.getPlan(planId);
    if (!plan?.quota?.period) return;
    const start = isoDay(quotaWindow(plan.quota.period, this.clock.now()).start);
    const remaining = await this.remaining(planId, gatewayKeyId, start);
    if (remaining !== null) await this.setRemaining(planId, gatewayKeyId, Math.max(0, remaining + delta));
  }

  async carryOverQuota(planId: string, fromKeyId: string, toKeyId: string, periodStart: string): Promise<void> {
    const remaining = await this.remaining(planId, fromKeyId, periodStart);
    if (remaining !== null) await this.setRemaining(planId, toKeyId, remaining);
  }

  async listPlans(): Promise<GatewayPlan[]> {
    const plans = await allPages((position) =>
      this.calls.send('GetUsagePlans', (client) => client.send(new GetUsagePlansCommand({ limit: PAGE_LIMIT, position }))),
    );
    return plans.map(toPlan);
  }

  async listApiKeys(): Promise<GatewayKey[]> {
    const keys = await allPages((position) =>
      this.calls.send('GetApiKeys', (client) => client.send(new GetApiKeysCommand({ includeValues: false, limit: PAGE_LIMIT, position }))),
    );
    return keys.map(toKey);
  }

  async keysOfPlan(planId: string): Promise<string[]> {
    const keys = await allPages((position) =>
      this.calls.send('GetUsagePlanKeys', (client) => client.send(new GetUsagePlanKeysCommand({ usagePlanId: planId, limit: PAGE_LIMIT, position }))),
    );
    return keys.map((key) => key.id!);
  }

  async planUsage(planId: string, from: string, to: string): Promise<UsageRecord[]> {
    const records: UsageRecord[] = [];
    let position: string | undefined;
    do {
      const page = await this.calls.send('GetUsage', (client) =>
        client.send(new GetUsageCommand({ usagePlanId: planId, startDate: from, endDate: to, limit: PAGE_LIMIT, position })),
      );
      for (const [gatewayKeyId, days] of Object.entries(page.items ?? {})) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- the SDK passes GetUsage's JSON through unchecked
        days.forEach(([used], index) => records.push({ gatewayKeyId, day: addDays(from, index), used: Number(used) }));
      }
      position = page.position;
    } while (position);
    return records;
  }

  /** A health check costs a call from the account's 10/s budget: one success is trusted for a while. */
  async ping(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastPingAt < PING_TRUST_MS) return;
    await this.calls.send('GetUsagePlans', (client) => client.send(new GetUsagePlansCommand({ limit: 1 })));
    this.lastPingAt = now;
  }

  private async getPlan(planId: string): Promise<GatewayPlan | null> {
    try {
      return toPlan(await this.calls.send('GetUsagePlan', (client) => client.send(new GetUsagePlanCommand({ usagePlanId: planId }))));
    } catch (error) {
      if (error instanceof GatewayNotFoundError) return null;
      throw error;
    }
  }

  private async findPlanByName(name: string): Promise<GatewayPlan | null> {
    return (await this.listPlans()).find((plan) => plan.name === name) ?? null;
  }

  /** The key's remaining quota on its newest day of this period, or null when AWS has no data for it. */
  private async remaining(planId: string, gatewayKeyId: string, periodStart: string): Promise<number | null> {
    const usage = await this.calls.send('GetUsage', (client) =>
      client.send(new GetUsageCommand({ usagePlanId: planId, keyId: gatewayKeyId, startDate: periodStart, endDate: isoDay(this.clock.now()) })),
    );
    const days = usage.items?.[gatewayKeyId] ?? [];
    const last = days.at(-1);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- the SDK passes GetUsage's JSON through unchecked
    return last && last.length >= 2 ? Number(last[1]) : null;
  }

  private async setRemaining(planId: string, gatewayKeyId: string, remaining: number): Promise<void> {
    await this.calls.send('UpdateUsage', (client) =>
      client.send(
        new UpdateUsageCommand({
          usagePlanId: planId,
          keyId: gatewayKeyId,
          patchOperations: [{ op: 'replace', path: '/remaining', value: String(remaining) }],
        }),
      ),
    );
  }

  private async ignoreNotFound(call: Promise<unknown>): Promise<void> {
    try {
      await call;
    } catch (error) {
      if (!(error instanceof GatewayNotFoundError)) throw error;
    }
  }
}

function toKey(key: ApiKey): GatewayKey {
  return { id: key.id!, name: key.name ?? '', enabled: key.enabled ?? false, tags: key.tags ?? {} };
}

function toPlan(plan: UsagePlan): GatewayPlan {
  return {
    id: plan.id!,
    name: plan.name ?? '',
    throttle: plan.throttle ? { rateLimit: plan.throttle.rateLimit ?? 0, burstLimit: plan.throttle.burstLimit ?? 0 } : null,
    quota: plan.quota ? { limit: plan.quota.limit ?? 0, period: plan.quota.period ?? 'MONTH' } : null,
    apiStages: (plan.apiStages ?? []).map((stage) => `${stage.apiId}:${stage.stage}`),
    tags: plan.tags ?? {},
  };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}
