import { Injectable } from '@nestjs/common';
import { KeySealer } from './key-sealer';
import { KeysRepository } from './keys.repository';
import { KeysService } from './keys.service';

/** What the gateway or the Lambda authorizer meters an application's calls by. */
export interface ManagedKey {
  keyId: string;
  /** The key's value, for API Gateway's `usageIdentifierKey`; never shown to anyone. */
  value: string;
}

/**
 * An application's managed key (GATEWAY_API_KEY_SOURCE=AUTHORIZER): an API key on its developer's
 * plan that callers never see; the gateway (or the Lambda authorizer) meters and throttles the
 * application's calls by it. Created with the application, rotated with its secret, revoked with
 * it; outside the developer's key list and key limit (it still counts against API Gateway's
 * account-wide key capacity). Its value is kept sealed, as the outbox keeps a new key's.
 */
@Injectable()
export class ManagedKeysService {
  constructor(
    private readonly keys: KeysRepository,
    private readonly lifecycle: KeysService,
    private readonly sealer: KeySealer,
  ) {}

  /** In the caller's transaction (the application's creation). */
  create(developerId: string, applicationId: string, applicationName: string): Promise<void> {
    return this.lifecycle.issueManaged(developerId, applicationId, `application: ${applicationName}`.slice(0, 100));
  }

  /** A successor in the same lineage (shared quota); the old key keeps working for `graceSeconds`, as the old secret does. */
  async rotate(developerId: string, applicationId: string, graceSeconds: number): Promise<void> {
    const current = await this.keys.liveManaged(applicationId);
    if (!current) return this.create(developerId, applicationId, 'application');
    await this.lifecycle.rotateManaged(current.key, graceSeconds);
  }

  /** Revokes every live managed key of the application (its deletion). */
  async revoke(applicationId: string): Promise<void> {
    for (const key of await this.keys.listLiveManaged(applicationId)) await this.lifecycle.revokeManaged(key);
  }

  /** The applications that have a live managed key (a live managed key always holds its sealed value). */
  applicationsWithKey(): Promise<Set<string>> {
    return this.keys.applicationsWithLiveManagedKey();
  }

  /** The live managed key to meter by, or null (none yet, or the application is gone). */
  async current(applicationId: string): Promise<ManagedKey | null> {
    const found = await this.keys.liveManaged(applicationId);
    if (!found?.sealedValue) return null;
    return { keyId: found.key.id, value: this.sealer.unseal(found.sealedValue) };
  }
}
