import { Injectable } from '@nestjs/common';
import { GatewayDriver } from '@keyport/api-gateway';
import { Transactions } from '@keyport/db';
import { DeveloperOutboxType, type QuotaGrantMessage } from '@keyport/developers';
import { KeyGatewayStateService } from '@keyport/keys';
import { OutboxHandler, type OutboxItem } from '@keyport/outbox';
import { PlanSyncService } from './plan-sync.service';
import { QuotaGrantMarksRepository } from './quota-grant-marks.repository';

/**
 * Adds a grant's requests to one key's remaining quota in its plan. Queued on the key's aggregate,
 * after its provisioning, so the key is at the gateway by then. The mark and the adjustment commit
 * together on the local driver; on AWS only a crash between the call and the commit could repeat it.
 */
@Injectable()
export class QuotaGrantHandler extends OutboxHandler<QuotaGrantMessage> {
  readonly message = DeveloperOutboxType.QuotaGrant;

  constructor(
    private readonly driver: GatewayDriver,
    private readonly keys: KeyGatewayStateService,
    private readonly plans: PlanSyncService,
    private readonly marks: QuotaGrantMarksRepository,
    private readonly transactions: Transactions,
  ) {
    super();
  }

  async handle(item: OutboxItem<QuotaGrantMessage>): Promise<void> {
    const { grantId, keyId, requests } = item.payload;
    const key = await this.keys.find(keyId);
    if (!key || key.status === 'REVOKED') return;
    if (!key.gatewayKeyId) throw new Error(`Key ${keyId} is not at the gateway yet`);
    const gatewayKeyId = key.gatewayKeyId;
    const planId = await this.plans.planIdForDeveloper(key.developerId);
    await this.transactions.run(async () => {
      if (await this.marks.isApplied(BigInt(grantId), keyId)) return;
      await this.driver.adjustRemainingQuota(planId, gatewayKeyId, requests);
      await this.marks.markApplied(BigInt(grantId), keyId);
    });
  }
}
