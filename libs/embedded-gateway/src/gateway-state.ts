import { Injectable } from '@nestjs/common';
import { GatewayClock } from './gateway-clock';
import { type GatewayKeyEntry, type GatewayKeyRow } from './gateway-snapshot';
import { TokenBucket } from './token-bucket';
import { UsageLedger } from './usage-ledger';

/**
 * The keys the gateway admits, by the sha256 of their value, in memory. A reload swaps the whole
 * map at once; throttle buckets and usage counters survive it, so a reload never refills a bucket.
 */
@Injectable()
export class GatewayState {
  private byHash = new Map<string, GatewayKeyEntry>();
  private buckets = new Map<string, TokenBucket>();

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

  replace(rows: readonly GatewayKeyRow[]): void {
    const byHash = new Map<string, GatewayKeyEntry>();
    const buckets = new Map<string, TokenBucket>();
    const keyIds = new Set<string>();
    for (const row of rows) {
      // A bucket per key and plan, as API Gateway throttles a key within its plan: one placed in a plan starts full.
      const bucketId = `${row.gatewayKeyId}/${row.plan?.id ?? ''}`;
      const bucket = this.buckets.get(bucketId) ?? new TokenBucket(row.plan?.burstLimit ?? 0, this.clock.nowMs());
      buckets.set(bucketId, bucket);
      keyIds.add(row.keyId);
      byHash.set(row.valueHash, { ...row, bucket, usage: this.ledger.keyUsage(row.keyId, row.developerId, row.lineageId) });
    }
    this.byHash = byHash;
    this.buckets = buckets;
    this.ledger.retain(keyIds);
  }
}
