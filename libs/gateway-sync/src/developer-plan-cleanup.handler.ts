import { Injectable } from '@nestjs/common';
import { GatewayDriver, PlanBindingsService, planOwner } from '@keyport/api-gateway';
import { DeveloperAccountsService, DeveloperOutboxType, type DeveloperPlanCleanupMessage } from '@keyport/developers';
import { KeysService } from '@keyport/keys';
import { OutboxHandler, type OutboxItem } from '@keyport/outbox';
import { KeyPlacement } from './key-placement';

/**
 * Deletes a developer's own usage plan after their quota override was removed. It first moves
 * every provisioned key back to the tier's plan itself (the queued key syncs may not have run yet),
 * so no key is ever left without a plan. Nothing to do when the developer got an override again.
 */
@Injectable()
export class DeveloperPlanCleanupHandler extends OutboxHandler<DeveloperPlanCleanupMessage> {
  readonly message = DeveloperOutboxType.PlanCleanup;

  constructor(
    private readonly driver: GatewayDriver,
    private readonly bindings: PlanBindingsService,
    private readonly developers: DeveloperAccountsService,
    private readonly keys: KeysService,
    private readonly placement: KeyPlacement,
  ) {
    super();
  }

  async handle(item: OutboxItem<DeveloperPlanCleanupMessage>): Promise<void> {
    const { developerId } = item.payload;
    const developer = await this.developers.find(developerId);
    if (developer?.quotaOverride) return;
    const owner = planOwner.developer(developerId);
    const planId = await this.bindings.planIdOf(owner);
    if (!planId) return;
    if (developer) {
      for (const key of await this.keys.listLive(developerId)) {
        if (key.gatewayKeyId) await this.placement.place({ id: key.id, gatewayKeyId: key.gatewayKeyId, developerId });
      }
    }
    await this.driver.deleteUsagePlan(planId);
    await this.bindings.unbind(owner);
  }
}
