import { Injectable } from '@nestjs/common';
import { GatewayDriver, GatewayNotFoundError, gatewayKeyName } from '@keyport/api-gateway';
import { KeyOutboxType, type KeyRevokeMessage, KeyGatewayStateService } from '@keyport/keys';
import { OutboxHandler, type OutboxItem } from '@keyport/outbox';
import { KeyPlacementsRepository } from './key-placements.repository';

/**
 * Deletes a revoked key at the gateway; deleting a key that is already gone is success. An expired
 * key is disabled first, so that it stops working even while its deletion waits for a retry.
 */
@Injectable()
export class KeyRevokeHandler extends OutboxHandler<KeyRevokeMessage> {
  readonly message = KeyOutboxType.Revoke;

  constructor(
    private readonly driver: GatewayDriver,
    private readonly keys: KeyGatewayStateService,
    private readonly placements: KeyPlacementsRepository,
  ) {
    super();
  }

  async handle(item: OutboxItem<KeyRevokeMessage>): Promise<void> {
    const { keyId, expired } = item.payload;
    const key = await this.keys.find(keyId);
    const gatewayKeyId = key?.gatewayKeyId ?? (await this.driver.findApiKeyByName(gatewayKeyName(keyId)))?.id;
    if (gatewayKeyId) {
      if (expired) await this.disable(gatewayKeyId);
      await this.driver.deleteApiKey(gatewayKeyId);
    }
    await this.placements.forget(keyId);
  }

  private async disable(gatewayKeyId: string): Promise<void> {
    try {
      await this.driver.setApiKeyEnabled(gatewayKeyId, false);
    } catch (error) {
      if (!(error instanceof GatewayNotFoundError)) throw error;
    }
  }
}
