import { Injectable } from '@nestjs/common';
import { Clock, RandomSource, hashKeyValue, quotaWindow } from '@keyport/common';
import { Db, Prisma } from '@keyport/db';
import { GatewayDriver, type GatewayKey, type GatewayKeySpec, type GatewayPlan, type UsagePlanSettings, type UsageRecord } from '../gateway-driver.port';
import { GatewayChangeFeed } from './gateway-change-feed';

/**
 * Keeps what API Gateway would hold in Keyport's own tables; the embedded gateway enforces it.
 * Like API Gateway it never learns more than a key's hash it can check, and every call is idempotent.
 */
@Injectable()
export class LocalGatewayDriver extends GatewayDriver {
  readonly name = 'local' as const;

  constructor(
    private readonly db: Db,
    private readonly random: RandomSource,
    private readonly clock: Clock,
    private readonly changes: GatewayChangeFeed,
  ) {
    super();
  }

  async upsertUsagePlan(settings: UsagePlanSettings, existingPlanId?: string): Promise<string> {
    const data = {
      name: settings.name,
      rateLimit: settings.throttle.rateLimit,
      burstLimit: settings.throttle.burstLimit,
      quotaLimit: settings.quota.limit,
      quotaPeriod: settings.quota.period,
      tags: settings.tags,
    };
    const existing = await this.db.client.gatewayUsagePlan.findFirst({
      where: existingPlanId ? { OR: [{ id: existingPlanId }, { name: settings.name }] } : { name: settings.name },
    });
    const plan = existing ? await this.db.client.gatewayUsagePlan.update({ where: { id: existing.id }, data }) : await this.createPlanOrUpdateRaced(data);
    this.changed();
    return plan.id;
  }

  /** Two upserts of one new plan (a start's bootstrap and a queued plan sync) may both find none: the second updates what the first made. */
  private async createPlanOrUpdateRaced(data: Omit<Prisma.GatewayUsagePlanCreateInput, 'id'>): Promise<{ id: string }> {
    try {
      return await this.db.client.gatewayUsagePlan.create({ data: { id: this.newId(), ...data } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.db.client.gatewayUsagePlan.update({ where: { name: data.name }, data });
    }
  }

  async deleteUsagePlan(planId: string): Promise<void> {
    await this.db.client.gatewayUsagePlan.deleteMany({ where: { id: planId } });
    this.changed();
  }

  async createApiKey(spec: GatewayKeySpec): Promise<GatewayKey> {
    const existing = await this.findApiKeyByName(spec.name);
    if (existing) return existing;
    try {
      const row = await this.db.client.gatewayApiKey.create({
        data: { id: this.newId(), name: spec.name, valueHash: hashKeyValue(spec.value), enabled: spec.enabled, tags: spec.tags },
      });
      this.changed();
      return toKey(row);
    } catch (error) {
      // A concurrent create of the same name won the race: return its key, as API Gateway's name lookup would.
      if (isUniqueViolation(error)) {
        const raced = await this.findApiKeyByName(spec.name);
        if (raced) return raced;
      }
      throw error;
    }
  }

  async findApiKeyByName(name: string): Promise<GatewayKey | null> {
    const row = await this.db.client.gatewayApiKey.findUnique({ where: { name } });
    return row ? toKey(row) : null;
  }

  async deleteApiKey(gatewayKeyId: string): Promise<void> {
    await this.db.client.gatewayApiKey.deleteMany({ where: { id: gatewayKeyId } });
    this.changed();
  }

  async setApiKeyEnabled(gatewayKeyId: string, enabled: boolean): Promise<void> {
    await this.db.client.gatewayApiKey.updateMany({ where: { id: gatewayKeyId }, data: { enabled } });
    this.changed();
  }

  async attachKeyToPlan(gatewayKeyId: string, planId: string): Promise<void> {
    await this.db.client.gatewayUsagePlanKey.createMany({ data: [{ planId, keyId: gatewayKeyId }], skipDuplicates: true });
    this.changed();
  }

  async detachKeyFromPlan(gatewayKeyId: string, planId: string): Promise<void> {
    await this.db.client.gatewayUsagePlanKey.deleteMany({ where: { planId, keyId: gatewayKeyId } });
    this.changed();
  }

  async plansOfKey(gatewayKeyId: string): Promise<string[]> {
    const rows = await this.db.client.gatewayUsagePlanKey.findMany({ where: { keyId: gatewayKeyId }, select: { planId: true } });
    return rows.map((row) => row.planId);
  }

  async adjustRemainingQuota(planId: string, gatewayKeyId: string, delta: number): Promise<void> {
    const plan = await this.db.client.gatewayUsagePlan.findUnique({ where: { id: planId } });
    if (!plan) return;
    const periodStart = quotaWindow(plan.quotaPeriod, this.clock.now()).start;
    const membership = await this.db.client.gatewayUsagePlanKey.findUnique({ where: { planId_keyId: { planId, keyId: gatewayKeyId } } });
    if (!membership) return;
    // An adjustment lasts for the current quota period only, as UpdateUsage does on API Gateway.
    const carried = membership.adjustedPeriodStart?.getTime() === periodStart.getTime() ? membership.quotaAdjustment : 0;
    await this.db.client.gatewayUsagePlanKey.update({
      where: { planId_keyId: { planId, keyId: gatewayKeyId } },
      data: { quotaAdjustment: carried + delta, adjustedPeriodStart: periodStart },
    });
    this.changed();
  }

  /** The embedded gateway counts a quota over the whole rotation lineage: nothing to carry over. */
  async carryOverQuota(): Promise<void> {}

  async listPlans(): Promise<GatewayPlan[]> {
    const rows = await this.db.client.gatewayUsagePlan.findMany({ orderBy: { name: 'asc' } });
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      throttle: { rateLimit: row.rateLimit, burstLimit: row.burstLimit },
      quota: { limit: row.quotaLimit, period: row.quotaPeriod },
      apiStages: [],
      tags: (row.tags ?? {}) as Record<string, string>,
    }));
  }

  async listApiKeys(): Promise<GatewayKey[]> {
    return (await this.db.client.gatewayApiKey.findMany({ orderBy: { name: 'asc' } })).map(toKey);
  }

  async keysOfPlan(planId: string): Promise<string[]> {
    const rows = await this.db.client.gatewayUsagePlanKey.findMany({ where: { planId }, select: { keyId: true } });
    return rows.map((row) => row.keyId);
  }

  /** The embedded gateway writes usage_daily itself: there is nothing to ingest. */
  async planUsage(): Promise<UsageRecord[]> {
    return [];
  }

  async ping(): Promise<void> {
    await this.db.client.gatewayUsagePlan.count();
  }

  /**
   * Tells the embedded gateway after the change has committed: a listener that reads the tables
   * from inside the caller's transaction would read through a client that is closed by then.
   */
  private changed(): void {
    this.db.afterTransaction(() => this.changes.publish());
  }

  private newId(): string {
    // API Gateway ids are 10 lowercase alphanumerics; mimic them so logs look alike.
    return this.random.bytes(8).toString('hex').slice(0, 10);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

function toKey(row: { id: string; name: string; enabled: boolean; tags: unknown }): GatewayKey {
  return { id: row.id, name: row.name, enabled: row.enabled, tags: (row.tags ?? {}) as Record<string, string> };
}
