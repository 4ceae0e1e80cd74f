import { Injectable } from '@nestjs/common';
import { KeyOutboxType, type KeySyncMessage, KeyGatewayStateService } from '@keyport/keys';
import { OutboxHandler, type OutboxItem } from '@keyport/outbox';
import { KeyPlacement } from './key-placement';

/** Brings one key's plan membership and enabled state in line with Keyport (tier change, suspension). */
@Injectable()
export class KeySyncHandler extends OutboxHandler<KeySyncMessage> {
  readonly message = KeyOutboxType.Sync;

  constructor(
    private readonly keys: KeyGatewayStateService,
    private readonly placement: KeyPlacement,
  ) {
    super();
  }

  async handle(item: OutboxItem<KeySyncMessage>): Promise<void> {
    const { keyId } = item.payload;
    const key = await this.keys.find(keyId);
    // Not yet provisioned: the provision item, queued before this one, places it correctly.
    if (!key || key.status === 'REVOKED' || !key.gatewayKeyId) return;
    await this.placement.place({ id: key.id, gatewayKeyId: key.gatewayKeyId, developerId: key.developerId });
  }
}
