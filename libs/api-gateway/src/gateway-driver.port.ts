import { type QuotaPeriodName } from '@keyport/common';

export interface UsagePlanSettings {
  /** Unique plan name, e.g. `keyport-standard`. */
  name: string;
  throttle: { rateLimit: number; burstLimit: number };
  quota: { limit: number; period: QuotaPeriodName };
  tags: Record<string, string>;
}

export interface GatewayKeySpec {
  /** Unique key name; Keyport uses `keyport-<key id>` so a retried create can find its key. */
  name: string;
  /** The key value, needed by API Gateway; the local driver keeps only its hash. */
  value: string;
  enabled: boolean;
  tags: Record<string, string>;
}

export interface GatewayKey {
  id: string;
  name: string;
  enabled: boolean;
  tags: Record<string, string>;
}

export interface GatewayPlan {
  id: string;
  name: string;
  throttle: { rateLimit: number; burstLimit: number } | null;
  quota: { limit: number; period: QuotaPeriodName } | null;
  /** `restApiId:stage` of every API stage the plan is attached to. */
  apiStages: string[];
  tags: Record<string, string>;
}

export interface UsageRecord {
  gatewayKeyId: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  used: number;
}

/**
 * Everything Keyport asks of API Gateway, in the portal's words. Every method is idempotent so the
 * outbox worker can retry it after a crash. Drivers: `local` (state in Keyport's database, enforced
 * by the embedded gateway) and `aws` (API Gateway's control plane).
 */
export abstract class GatewayDriver {
  abstract readonly name: 'local' | 'aws';
  /** Creates the plan or updates its settings; returns the plan id. */
  abstract upsertUsagePlan(settings: UsagePlanSettings, existingPlanId?: string): Promise<string>;
  abstract deleteUsagePlan(planId: string): Promise<void>;
  /** Creates the key, or returns the one already created under this name. */
  abstract createApiKey(spec: GatewayKeySpec): Promise<GatewayKey>;
  abstract findApiKeyByName(name: string): Promise<GatewayKey | null>;
  abstract deleteApiKey(gatewayKeyId: string): Promise<void>;
  abstract setApiKeyEnabled(gatewayKeyId: string, enabled: boolean): Promise<void>;
  abstract attachKeyToPlan(gatewayKeyId: string, planId: string): Promise<void>;
  abstract detachKeyFromPlan(gatewayKeyId: string, planId: string): Promise<void>;
  /** Plan ids the key currently belongs to. */
  abstract plansOfKey(gatewayKeyId: string): Promise<string[]>;
  /** Adds (or with a negative number removes) requests to the key's remaining quota this period. */
  abstract adjustRemainingQuota(planId: string, gatewayKeyId: string, delta: number): Promise<void>;
  /**
   * Gives `toKey` the quota `fromKey` has left this period (a rotation must not reset a quota).
   * `periodStart` is the first day (`YYYY-MM-DD`) of the plan's current quota period.
   */
  abstract carryOverQuota(planId: string, fromKeyId: string, toKeyId: string, periodStart: string): Promise<void>;
  /** Every plan and every key the gateway holds, for reconciliation. */
  abstract listPlans(): Promise<GatewayPlan[]>;
  abstract listApiKeys(): Promise<GatewayKey[]>;
  /** Gateway key ids in the plan. */
  abstract keysOfPlan(planId: string): Promise<string[]>;
  /** Requests per key and day in the plan, days `from`..`to` (`YYYY-MM-DD`, inclusive). */
  abstract planUsage(planId: string, from: string, to: string): Promise<UsageRecord[]>;
  /** Cheap call proving the driver answers, for /health/ready. */
  abstract ping(): Promise<void>;
}
