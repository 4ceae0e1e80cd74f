import { Injectable } from '@nestjs/common';
import { isUuid } from '@keyport/common';
import { type ApiKey, type KeyGatewayState } from './api-key';
import { KeysRepository } from './keys.repository';

/**
 * What bringing the gateway in line with Keyport's keys needs from the keys lib (gateway-sync's
 * handlers, reconciler and usage ingestion): a key whatever its status, its gateway id once it is
 * there, and which key a gateway id belongs to.
 */
@Injectable()
export class KeyGatewayStateService {
  constructor(private readonly keys: KeysRepository) {}

  /** A key by id, revoked ones included (a handler decides what a revoked key means for it). */
  find(keyId: string): Promise<ApiKey | null> {
    return this.keys.findById(keyId);
  }

  /** Every live key (provisioning or active) with its owner and gateway id: what the gateway should hold. */
  live(): Promise<KeyGatewayState[]> {
    return this.keys.liveGatewayStates();
  }

  /** The keys behind these Keyport key ids (from gateway tags), revoked ones included; an id that is no key id (not a UUID) matches nothing. */
  byIds(keyIds: string[]): Promise<KeyGatewayState[]> {
    return this.keys.gatewayStatesByIds(keyIds.filter(isUuid));
  }

  /** Records the key's id at the gateway; a key still provisioning becomes active. */
  markProvisioned(keyId: string, gatewayKeyId: string): Promise<void> {
    return this.keys.markProvisioned(keyId, gatewayKeyId);
  }

  /** Keyport's key and developer behind each gateway key id it knows. */
  ownersByGatewayId(gatewayKeyIds: string[]): Promise<Map<string, { keyId: string; developerId: string }>> {
    return this.keys.ownersByGatewayId(gatewayKeyIds);
  }
}
