import { Injectable } from '@nestjs/common';
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
@Injectable()
export class GatewayState {
  private byHash = new Map<string, GatewayKeyEntry>();
  private buckets = new Map<string, TokenBucket>();
  private readonly revoked = new Set<string>();

  constructor(
    private readonly ledger: UsageLedger,
    private readonly clock: GatewayClock,
  ) {}

  find(valueHash: string): GatewayKeyEntry | undefined {
    return this.byHash.get(valueHash);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** Stops admitting the key now, whatever the next reloads read. */
  forget(keyId: string): void {
    this.revoked.add(keyId);
    for (const [hash, entry] of this.byHash) if (entry.keyId === keyId) this.byHash.delete(hash);
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
    this.buckets = buckets;
    this.ledger.retain(keyIds);
    for (const keyId of this.revoked) if (!stillRevoked.has(keyId)) this.revoked.delete(keyId);
  }
}
