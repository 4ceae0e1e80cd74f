import { Injectable } from '@nestjs/common';

/**
 * Tells an embedded gateway in this process that a key was revoked, once the revocation has
 * committed and before the request that revoked it answers: the gateway stops admitting the key at
 * once instead of when the outbox has deleted it from the gateway tables. Gateways in other
 * processes learn it from those tables (see GatewayStateSync).
 */
@Injectable()
export class KeyRevocations {
  private readonly listeners = new Set<(keyId: string) => void>();

  announce(keyId: string): void {
    this.listeners.forEach((listener) => listener(keyId));
  }

  subscribe(listener: (keyId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
