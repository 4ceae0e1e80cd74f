import { Injectable } from '@nestjs/common';
import { GatewayDriver } from '@keyport/api-gateway';
import { DevelopersRepository } from '@keyport/developers';
import { PlanSync } from './plan-sync.service';

/** Puts a gateway key in the one plan its developer belongs in, and matches its enabled state. */
@Injectable()
export class KeyPlacement {
  constructor(
    private readonly driver: GatewayDriver,
    private readonly plans: PlanSync,
    private readonly developers: DevelopersRepository,
  ) {}

  async place(gatewayKeyId: string, developerId: string, knownPlanIds?: string[]): Promise<void> {
    const target = await this.plans.planIdForDeveloper(developerId);
    const current = knownPlanIds ?? (await this.driver.plansOfKey(gatewayKeyId));
    for (const planId of current) {
      if (planId !== target) await this.driver.detachKeyFromPlan(gatewayKeyId, planId);
    }
    if (!current.includes(target)) await this.driver.attachKeyToPlan(gatewayKeyId, target);
    const developer = await this.developers.findById(developerId);
    if (developer) await this.driver.setApiKeyEnabled(gatewayKeyId, developer.status === 'ACTIVE');
  }
}
