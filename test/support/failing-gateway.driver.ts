import { GatewayDriver, type GatewayKey, type GatewayKeySpec, type GatewayPlan, type UsagePlanSettings, type UsageRecord } from '@keyport/api-gateway';

/**
 * The real local driver behind a switch: while `failing`, every call fails as an unreachable API
 * Gateway would. Our own port wrapped, not a mock: the database and the HTTP layer stay real.
 */
export class FailingGatewayDriver extends GatewayDriver {
  readonly name: 'local' | 'aws';
  failing = false;
  failures = 0;

  constructor(private readonly inner: GatewayDriver) {
    super();
    this.name = inner.name;
  }

  private gate(): void {
    if (!this.failing) return;
    this.failures += 1;
    throw new Error('Gateway unreachable (injected by the test)');
  }

  async upsertUsagePlan(settings: UsagePlanSettings, existingPlanId?: string): Promise<string> {
    this.gate();
    return this.inner.upsertUsagePlan(settings, existingPlanId);
  }
  async deleteUsagePlan(planId: string): Promise<void> {
    this.gate();
    return this.inner.deleteUsagePlan(planId);
  }
  async createApiKey(spec: GatewayKeySpec): Promise<GatewayKey> {
    this.gate();
    return this.inner.createApiKey(spec);
  }
  async findApiKeyByName(name: string): Promise<GatewayKey | null> {
    this.gate();
    return this.inner.findApiKeyByName(name);
  }
  async deleteApiKey(gatewayKeyId: string): Promise<void> {
    this.gate();
    return this.inner.deleteApiKey(gatewayKeyId);
  }
  async setApiKeyEnabled(gatewayKeyId: string, enabled: boolean): Promise<void> {
    this.gate();
    return this.inner.setApiKeyEnabled(gatewayKeyId, enabled);
  }
  async attachKeyToPlan(gatewayKeyId: string, planId: string): Promise<void> {
    this.gate();
    return this.inner.attachKeyToPlan(gatewayKeyId, planId);
  }
  async detachKeyFromPlan(gatewayKeyId: string, planId: string): Promise<void> {
    this.gate();
    return this.inner.detachKeyFromPlan(gatewayKeyId, planId);
  }
  async plansOfKey(gatewayKeyId: string): Promise<string[]> {
    this.gate();
    return this.inner.plansOfKey(gatewayKeyId);
  }
  async adjustRemainingQuota(planId: string, gatewayKeyId: string, delta: number): Promise<void> {
    this.gate();
    return this.inner.adjustRemainingQuota(planId, gatewayKeyId, delta);
  }
  async ping(): Promise<void> {
    return this.inner.ping();
  }
  async carryOverQuota(planId: string, fromKeyId: string, toKeyId: string, periodStart: string): Promise<void> {
    this.gate();
    return this.inner.carryOverQuota(planId, fromKeyId, toKeyId, periodStart);
  }
  async listPlans(): Promise<GatewayPlan[]> {
    this.gate();
    return this.inner.listPlans();
  }
  async listApiKeys(): Promise<GatewayKey[]> {
    this.gate();
    return this.inner.listApiKeys();
  }
  async keysOfPlan(planId: string): Promise<string[]> {
    this.gate();
    return this.inner.keysOfPlan(planId);
  }
  async planUsage(planId: string, from: string, to: string): Promise<UsageRecord[]> {
    this.gate();
    return this.inner.planUsage(planId, from, to);
  }
}
