import { Injectable, type OnModuleInit } from '@nestjs/common';
import { GatewayDriver, gatewayKeyName } from '@keyport/api-gateway';
import { DevelopersRepository } from '@keyport/developers';
import { KeyOutboxType, KeySealer, KeysRepository } from '@keyport/keys';
import { OutboxHandler, OutboxHandlerRegistry, type OutboxItem, PermanentOutboxError } from '@keyport/outbox';
import { KeyPlacement } from './key-placement';

/** Creates a new key at the gateway with Keyport's value, places it in its plan, and marks it active. */
@Injectable()
export class KeyProvisionHandler extends OutboxHandler implements OnModuleInit {
  readonly type = KeyOutboxType.Provision;

  constructor(
    private readonly registry: OutboxHandlerRegistry,
    private readonly driver: GatewayDriver,
    private readonly keys: KeysRepository,
    private readonly developers: DevelopersRepository,
    private readonly sealer: KeySealer,
    private readonly placement: KeyPlacement,
  ) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(item: OutboxItem): Promise<void> {
    const { keyId, sealedValue } = item.payload as { keyId: string; sealedValue?: string };
    const key = await this.keys.findById(keyId);
    if (!key) throw new PermanentOutboxError(`Key ${keyId} not found`);
    if (key.status === 'REVOKED') return; // revoked before it reached the gateway: the revoke item cleans up
    const developer = await this.developers.findById(key.developerId);
    if (!developer) throw new PermanentOutboxError(`Developer of key ${keyId} not found`);
    let gatewayKey = await this.driver.findApiKeyByName(gatewayKeyName(key.id));
    if (!gatewayKey) {
      if (!sealedValue) throw new PermanentOutboxError(`Key ${keyId} has no value left to provision`);
      gatewayKey = await this.driver.createApiKey({
        name: gatewayKeyName(key.id),
        value: this.sealer.unseal(sealedValue),
        enabled: developer.status === 'ACTIVE',
        tags: { 'keyport:key': key.id, 'keyport:developer': key.developerId, 'keyport:lineage': key.lineageId },
      });
    }
    await this.placement.place(gatewayKey.id, key.developerId);
    await this.keys.markProvisioned(key.id, gatewayKey.id);
  }
}
