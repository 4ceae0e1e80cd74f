import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { Clock, DomainError, ErrorKind, RandomSource, conflict, forbidden, invalid, notFound } from '@keyport/common';
import { AuditLog } from '@keyport/audit';
import { Transactions } from '@keyport/db';
import { OutboxWriter } from '@keyport/outbox';
import { type ApiKey, type IssuedApiKey, MAX_KEY_LIFETIME_MS, isKeyLive } from './api-key';
import { ApiKeyCodec } from './api-key-codec';
import { KeyCapacity } from './key-capacity';
import { KeyOwnerLock } from './key-owner-lock.port';
import { KeyOutboxType, keyAggregate } from './key-messages';
import { KeyRevocations } from './key-revocations';
import { KeySealer } from './key-sealer';
import { KeysRepository } from './keys.repository';

export const MAX_GRACE_SECONDS = 7 * 24 * 3600;
export const DEFAULT_GRACE_SECONDS = 24 * 3600;
export const ROTATION_IN_GRACE = 'ROTATION_IN_GRACE';

@Injectable()
export class KeysService {
  constructor(
    private readonly keys: KeysRepository,
    private readonly codec: ApiKeyCodec,
    private readonly sealer: KeySealer,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly capacity: KeyCapacity,
    private readonly revocations: KeyRevocations,
    private readonly owners: KeyOwnerLock,
  ) {}

  /** `expiresAt`: when the key stops working (future, at most a year ahead); none by default. */
  create(developerId: string, name: string, expiresAt: Date | null = null): Promise<IssuedApiKey> {
    this.checkExpiry(expiresAt);
    return this.transactions.run(async () => {
      await this.requireActiveOwner(developerId);
      // A rotated key in its grace and its successor are one key here, as they share one quota and throttle.
      const counted = await this.keys.countLiveLineages(developerId);
      if (counted >= this.config.maxKeysPerDeveloper) {
        throw conflict(`Key limit reached: at most ${this.config.maxKeysPerDeveloper} live keys per developer`, 'KEY_LIMIT_REACHED');
      }
      const id = this.random.uuid();
      return this.issue(developerId, name, { id, lineageId: id, rotatedFromId: null, expiresAt }, 'key.created');
    });
  }

  list(developerId: string): Promise<readonly ApiKey[]> {
    return this.keys.listByDeveloper(developerId);
  }

  async get(developerId: string, keyId: string): Promise<ApiKey> {
    const key = await this.keys.findOwned(developerId, keyId);
    if (!key) throw notFound('Key');
    return key;
  }

  /**
   * Issues a successor; the old key keeps working for the grace period, then is revoked. A lineage
   * never has more than two usable keys: while the key this one replaced is still in its grace,
   * rotating again is refused (409 ROTATION_IN_GRACE) rather than cutting that key off unasked;
   * the developer revokes it, or waits for its grace to end, and rotates then. The successor keeps
   * the key's expiry (rotation changes the value, not the lifetime the developer chose); the old key
   * stops at the end of its grace or at its expiry, whichever comes first.
   */
  async rotate(developerId: string, keyId: string, graceSeconds = DEFAULT_GRACE_SECONDS): Promise<IssuedApiKey> {
    const revoked: string[] = [];
    const issued = await this.transactions.run(async () => {
      await this.requireActiveOwner(developerId);
      const old = await this.keys.findOwned(developerId, keyId);
      if (!old) throw notFound('Key');
      if (!isKeyLive(old)) throw conflict('A revoked key cannot be rotated', 'KEY_REVOKED');
      if (old.expiresAt && old.expiresAt <= this.clock.now()) throw conflict('An expired key cannot be rotated', 'KEY_REVOKED');
      return this.rotateInside(old, graceSeconds, revoked);
    });
    revoked.forEach((id) => this.revocations.announce(id));
    return issued;
  }

  /** An application's managed key, in the caller's transaction (ManagedKeysService). */
  async issueManaged(developerId: string, applicationId: string, name: string): Promise<void> {
    const id = this.random.uuid();
    await this.issue(developerId, name, { id, lineageId: id, rotatedFromId: null, expiresAt: null }, 'key.created', applicationId);
  }

  /** Rotates a managed key with its application's secret; its revocations are announced once committed. */
  async rotateManaged(old: ApiKey, graceSeconds: number): Promise<void> {
    const revoked: string[] = [];
    await this.transactions.run(() => this.rotateInside(old, graceSeconds, revoked));
    revoked.forEach((id) => this.revocations.announce(id));
  }

  /** Revokes a managed key with its application. */
  async revokeManaged(key: ApiKey): Promise<void> {
    await this.transactions.run(() => this.revokeInside(key, 'key.revoked', { type: 'system' }));
    this.revocations.announce(key.id);
  }

  private async rotateInside(old: ApiKey, graceSeconds: number, revoked: string[]): Promise<IssuedApiKey> {
    const now = this.clock.now();
    const lineage = await this.keys.liveInLineage(old.lineageId);
    if (lineage.some((key) => key.rotatedFromId === old.id)) throw conflict('This key has already been rotated', 'KEY_ALREADY_ROTATED');
    for (const predecessor of lineage.filter((key) => key.id !== old.id)) {
      const graceOver = predecessor.expiresAt !== null && predecessor.expiresAt <= now;
      if (!graceOver) throw rotationInGrace(predecessor);
      // Due for the expiry sweep, which has not come round yet.
      await this.revokeInside(predecessor, 'key.expired', { type: 'system' });
      revoked.push(predecessor.id);
    }
    // The successor keeps the key's own expiry; the old key stops at the end of its grace or at that expiry, whichever comes first.
    const successorLineage = { id: this.random.uuid(), lineageId: old.lineageId, rotatedFromId: old.id, expiresAt: old.expiresAt };
    const successor = await this.issue(old.developerId, old.name, successorLineage, 'key.rotated', old.applicationId ?? undefined);
    if (graceSeconds === 0) {
      await this.revokeInside(old, 'key.revoked');
      revoked.push(old.id);
    } else {
      const graceEnds = new Date(now.getTime() + graceSeconds * 1000);
      await this.keys.scheduleExpiry(old.id, old.expiresAt && old.expiresAt < graceEnds ? old.expiresAt : graceEnds);
    }
    return successor;
  }

  /** Revokes the key; once committed, an embedded gateway in this process refuses it before this returns. */
  async revoke(developerId: string, keyId: string): Promise<void> {
    await this.transactions.run(async () => {
      const key = await this.keys.findOwned(developerId, keyId);
      if (!key) throw notFound('Key');
      await this.revokeInside(key, 'key.revoked');
    });
    this.revocations.announce(keyId);
  }

  /**
   * Revokes a live key the gateway no longer holds (deleted behind Keyport's back): its value cannot
   * be given back, since Keyport keeps only a hash, so the portal must stop showing it as working.
   */
  revokeLost(keyId: string): Promise<boolean> {
    return this.transactions.run(async () => {
      const key = await this.keys.findById(keyId);
      if (!key || !isKeyLive(key)) return false;
      await this.revokeInside(key, 'key.lost_at_gateway', { type: 'system' });
      return true;
    });
  }

  /**
   * The one way to bring a developer's live keys in line with the developer after a tier, status or
   * quota change: one key sync each through the outbox, in the caller's transaction.
   */
  async syncLiveKeys(developerId: string, reason: string): Promise<void> {
    for (const key of await this.keys.listLiveByDeveloper(developerId)) {
      await this.outbox.enqueue(keyAggregate(key.id), KeyOutboxType.Sync, { keyId: key.id, reason });
    }
  }

  /**
   * Revokes every live key of a developer whose account is being deleted, in the caller's
   * transaction (each through the outbox, as a single revoke); returns the ids for `announceRevoked`
   * once that transaction has committed.
   */
  async revokeAllInside(developerId: string): Promise<string[]> {
    const live = await this.keys.listLiveByDeveloper(developerId);
    for (const key of live) await this.revokeInside(key, 'key.revoked');
    return live.map((key) => key.id);
  }

  /** Tells an embedded gateway in this process, after commit, that these keys are revoked. */
  announceRevoked(keyIds: string[]): void {
    for (const id of keyIds) this.revocations.announce(id);
  }

  /** Live keys of a developer, oldest first. */
  listLive(developerId: string): Promise<ApiKey[]> {
    return this.keys.listLiveByDeveloper(developerId);
  }

  /**
   * Revokes keys whose expiry (chosen at creation, or the end of a rotation grace) has come; returns
   * how many. Run by the worker on a schedule. The gateway is told to disable each before deleting it.
   */
  async revokeExpired(limit = 100): Promise<number> {
    const due = await this.keys.dueForExpiry(this.clock.now(), limit);
    for (const key of due) {
      await this.transactions.run(() => this.revokeInside(key, 'key.expired', { type: 'system' }, true));
      this.revocations.announce(key.id);
    }
    return due.length;
  }

  private async revokeInside(key: ApiKey, action: string, actor?: { type: 'system' }, expired = false): Promise<void> {
    const revoked = await this.keys.revoke(key.id, this.clock.now());
    if (!revoked) return;
    await this.outbox.enqueue(keyAggregate(key.id), KeyOutboxType.Revoke, expired ? { keyId: key.id, expired: true } : { keyId: key.id });
    await this.audit.record({
      action,
      actor,
      targetType: 'api_key',
      targetId: key.id,
      before: { status: key.status },
      after: { status: 'REVOKED' },
    });
  }

  private async issue(
    developerId: string,
    name: string,
    lineage: { id: string; lineageId: string; rotatedFromId: string | null; expiresAt: Date | null },
    action: string,
    applicationId?: string,
  ): Promise<IssuedApiKey> {
    await this.capacity.ensureRoom();
    const generated = this.codec.generate();
    const sealedValue = this.sealer.seal(generated.value);
    const key = await this.keys.insert({
      ...lineage,
      developerId,
      name,
      hash: generated.hash,
      prefix: generated.prefix,
      last4: generated.last4,
      ...(applicationId ? { managed: { applicationId, sealedValue } } : {}),
    });
    await this.outbox.enqueue(keyAggregate(key.id), KeyOutboxType.Provision, { keyId: key.id, sealedValue });
    await this.audit.record({
      action,
      targetType: 'api_key',
      targetId: key.id,
      after: {
        name,
        prefix: key.prefix,
        rotatedFromId: lineage.rotatedFromId,
        expiresAt: lineage.expiresAt?.toISOString() ?? null,
        ...(applicationId ? { applicationId } : {}),
      },
    });
    return { key, value: generated.value };
  }

  private checkExpiry(expiresAt: Date | null): void {
    if (!expiresAt) return;
    const now = this.clock.now().getTime();
    const details = (message: string) => [{ field: 'expiresAt', message }];
    if (Number.isNaN(expiresAt.getTime())) throw invalid('expiresAt is not a date-time', details('must be an ISO 8601 date-time'));
    if (expiresAt.getTime() <= now) throw invalid('expiresAt must be in the future', details('must be in the future'), 'KEY_EXPIRY_IN_PAST');
    if (expiresAt.getTime() > now + MAX_KEY_LIFETIME_MS) {
      throw invalid('expiresAt must be at most one year ahead', details('must be at most one year ahead'), 'KEY_EXPIRY_TOO_FAR');
    }
  }

  private async requireActiveOwner(developerId: string): Promise<void> {
    const owner = await this.owners.lockInside(developerId);
    if (owner === null) throw new DomainError(ErrorKind.NotFound, 'Developer not found');
    if (owner.suspended) throw forbidden('Your account is suspended', 'ACCOUNT_SUSPENDED');
  }
}

function rotationInGrace(predecessor: ApiKey): DomainError {
  return new DomainError(
    ErrorKind.Conflict,
    `The key this one replaced (${predecessor.id}) still works until ${predecessor.expiresAt?.toISOString() ?? 'it is revoked'}: ` +
      'revoke it, or wait for its grace period to end, before rotating again',
    { code: ROTATION_IN_GRACE, extra: { inGraceKeyId: predecessor.id, graceEndsAt: predecessor.expiresAt?.toISOString() ?? null } },
  );
}
