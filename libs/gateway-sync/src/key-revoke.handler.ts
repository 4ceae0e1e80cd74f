import { Injectable } from '@nestjs/common';
import { GatewayDriver, gatewayKeyName } from '@keyport/api-gateway';
import { KeyOutboxType, KeysRepository } from '@keyport/keys';
import { OutboxHandler, type OutboxItem } from '@keyport/outbox';
import { KeyPlacementsRepository } from './key-placements.repository';

/** Deletes a revoked key at the gateway; deleting a key that is already gone is success. */
@Injectable()
export class KeyRevokeHandler extends OutboxHandler {
  readonly type = KeyOutboxType.Revoke;

  constructor(
    private readonly driver: GatewayDriver,
    private readonly keys: KeysRepository,
    private readonly placements: KeyPlacementsRepository,
  ) {
    super();
  }

  async handle(item: OutboxItem): Promise<void> {
    const { keyId } = item.payload as { keyId: string };
    const key = await this.keys.findById(keyId);
    const gatewayKeyId = key?.gatewayKeyId ?? (await this.driver.findApiKeyByName(gatewayKeyName(keyId)))?.id;
    if (gatewayKeyId) await this.driver.deleteApiKey(gatewayKeyId);
    await this.placements.forget(keyId);
  }
}
