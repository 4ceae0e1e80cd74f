import { Injectable } from '@nestjs/common';
import { GATEWAY_TAG, GatewayDriver, type GatewayKey, GatewayNotFoundError, gatewayKeyName } from '@keyport/api-gateway';
import { Clock, isoDay, quotaWindow } from '@keyport/common';
import { DeveloperAccountsService } from '@keyport/developers';
import { type ApiKey, KeyOutboxType, type KeyProvisionMessage, KeySealer, KeyGatewayStateService } from '@keyport/keys';
import { OutboxHandler, type OutboxItem, PermanentOutboxError } from '@keyport/outbox';
import { KeyPlacement, type KnownPlacement } from './key-placement';
import { KeyPlacementsRepository } from './key-placements.repository';
import { type PlanTarget } from './plan-sync.service';

/**
 * Creates a new key at the gateway with Keyport's value, places it in its plan, carries a rotated
 * key's remaining quota over to its successor, and marks it active.
 */
@Injectable()
export class KeyProvisionHandler extends OutboxHandler<KeyProvisionMessage> {
  readonly message = KeyOutboxType.Provision;

  constructor(
    private readonly driver: GatewayDriver,
    private readonly keys: KeyGatewayStateService,
    private readonly developers: DeveloperAccountsService,
    private readonly sealer: KeySealer,
    private readonly placement: KeyPlacement,
    private readonly placements: KeyPlacementsRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async handle(item: OutboxItem<KeyProvisionMessage>): Promise<void> {
    const { keyId, sealedValue } = item.payload;
    const key = await this.keys.find(keyId);
    if (!key) throw new PermanentOutboxError(`Key ${keyId} not found`);
    if (key.status === 'REVOKED') return; // revoked before it reached the gateway: the revoke item cleans up
    const developer = await this.developers.find(key.developerId);
    if (!developer) throw new PermanentOutboxError(`Developer of key ${keyId} not found`);
    // On a first attempt nothing can exist yet; after a failure or a dead worker's lease, look first.
    let gatewayKey: GatewayKey | null = item.attempts > 1 ? await this.driver.findApiKeyByName(gatewayKeyName(key.id)) : null;
    let known: KnownPlacement | undefined;
    if (!gatewayKey) {
      if (!sealedValue) throw new PermanentOutboxError(`Key ${keyId} has no value left to provision`);
      gatewayKey = await this.driver.createApiKey({
        name: gatewayKeyName(key.id),
        value: this.sealer.unseal(sealedValue),
        enabled: developer.status === 'ACTIVE',
        tags: {
          [GATEWAY_TAG.key]: key.id,
          [GATEWAY_TAG.developer]: key.developerId,
          [GATEWAY_TAG.lineage]: key.lineageId,
          ...(key.expiresAt ? { [GATEWAY_TAG.expires]: key.expiresAt.toISOString() } : {}),
          ...(key.applicationId ? { [GATEWAY_TAG.application]: key.applicationId } : {}),
        },
      });
      known = { planIds: [], enabled: gatewayKey.enabled };
    }
    const target = await this.placement.place({ id: key.id, gatewayKeyId: gatewayKey.id, developerId: key.developerId }, known);
    if (key.rotatedFromId) await this.carryOverQuota(key, gatewayKey.id, target);
    await this.keys.markProvisioned(key.id, gatewayKey.id);
  }

  /** API Gateway starts a new key's quota afresh; a rotation must not reset what the developer has used. */
  private async carryOverQuota(key: ApiKey, gatewayKeyId: string, target: PlanTarget): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- called only for a key with rotatedFromId (see above)
    const old = await this.keys.find(key.rotatedFromId!);
    if (!old?.gatewayKeyId) return;
    const oldPlacement = await this.placements.find(old.id);
    // The old key's usage counts against this quota only when both keys share the plan.
    if (oldPlacement?.planId && oldPlacement.planId !== target.planId) return;
    const periodStart = isoDay(quotaWindow(target.quota.period, this.clock.now()).start);
    try {
      await this.driver.carryOverQuota(target.planId, old.gatewayKeyId, gatewayKeyId, periodStart);
    } catch (error) {
      if (!(error instanceof GatewayNotFoundError)) throw error;
    }
  }
}
