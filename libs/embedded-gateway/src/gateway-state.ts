import { GatewayClock } from './gateway-clock';
import { type GatewayKeyEntry, type GatewayKeyRow } from './gateway-snapshot';
import { TokenBucket } from './token-bucket';
import { UsageLedger } from './usage-ledger';

/**
 * The keys the gateway admits, by the sha256 of their value, in memory. A reload swaps the whole
 * map at once; throttle buckets and usage counters survive it, so a reload never refills a bucket.
 * A key revoked in this process is dropped at once and kept out of every reload until the tables
 * no longer hold it (the outbox deletes it there a little later).
 */
export class GatewayState {
  private byHash = new Map<string, GatewayKeyEntry>();
  /** GATEWAY_API_KEY_SOURCE=AUTHORIZER: an application's newest usable managed key; a developer's oldest usable own key. */
  private byApplication = new Map<string, GatewayKeyEntry>();
  private oldestByDeveloper = new Map<string, GatewayKeyEntry>();
  private buckets = new Map<string, TokenBucket>();
  private readonly revoked = new Set<string>();

  constructor(
    private readonly ledger: UsageLedger,
    private readonly clock: GatewayClock,
  ) {}

  find(valueHash: string): GatewayKeyEntry | undefined {
    return this.byHash.get(valueHash);
  }

  /** The key an application's calls are metered by (AUTHORIZER mode). */
  managedKeyOf(applicationId: string): GatewayKeyEntry | undefined {
    return this.byApplication.get(applicationId);
  }

  /** The key a person's calls are metered by (AUTHORIZER mode): their oldest usable key of their own. */
  oldestKeyOf(developerId: string): GatewayKeyEntry | undefined {
    return this.oldestByDeveloper.get(developerId);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** Stops admitting the key now, whatever the next reloads read. */
  forget(keyId: string): void {
    this.revoked.add(keyId);
    for (const [hash, entry] of this.byHash) if (entry.keyId === keyId) this.byHash.delete(hash);
    this.index();
  }

  replace(rows: readonly GatewayKeyRow[]): void {
    const byHash = new Map<string, GatewayKeyEntry>();
    const buckets = new Map<string, TokenBucket>();
    const keyIds = new Set<string>();
    const stillRevoked = new Set<string>();
    for (const row of rows) {
      if (this.revoked.has(row.keyId)) {
        stillRevoked.add(row.keyId);
        continue;
      }
      // A bucket per rotation lineage and plan: a key and the one it replaced share the plan's rate
      // (API Gateway throttles per key; Keyport's lineage is its one key). A lineage placed in a plan starts full.
      const bucketId = `${row.lineageId}/${row.plan?.id ?? ''}`;
      const bucket = this.buckets.get(bucketId) ?? new TokenBucket(row.plan?.burstLimit ?? 0, this.clock.nowMs());
      buckets.set(bucketId, bucket);
      keyIds.add(row.keyId);
      byHash.set(row.valueHash, { ...row, bucket, usage: this.ledger.keyUsage(row.keyId, row.developerId, row.lineageId) });
    }
    this.byHash = byHash;
    this.index();
    this.buckets = buckets;
    this.ledger.retain(keyIds);
    for (const keyId of this.revoked) if (!stillRevoked.has(keyId)) this.revoked.delete(keyId);
  }

  /** Rebuilds the AUTHORIZER-mode look-ups from the usable keys (enabled, in a plan). */
  private index(): void {
    const byApplication = new Map<string, GatewayKeyEntry>();
    const oldestByDeveloper = new Map<string, GatewayKeyEntry>();
    for (const entry of this.byHash.values()) {
      if (!entry.enabled || !entry.plan) continue;
      if (entry.applicationId) {
        const known = byApplication.get(entry.applicationId);
        if (!known || entry.createdAtMs > known.createdAtMs) byApplication.set(entry.applicationId, entry);
      } else {
        const known = oldestByDeveloper.get(entry.developerId);
        if (!known || entry.createdAtMs < known.createdAtMs) oldestByDeveloper.set(entry.developerId, entry);
      }
    }
    this.byApplication = byApplication;
    this.oldestByDeveloper = oldestByDeveloper;
  }
}
