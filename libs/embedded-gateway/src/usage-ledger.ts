import type { LineageDayUsage, UsageIncrement } from './gateway-thread.protocol';
import { KeyUsage } from './key-usage';
import { LineageUsage } from './lineage-usage';

/** Every key's and lineage's counts in this gateway, and what of them the database does not have yet. */
export class UsageLedger {
  private readonly keys = new Map<string, KeyUsage>();
  private readonly lineages = new Map<string, LineageUsage>();

  /** The counter of a Keyport key, joined to its lineage's so rotation carries the count over. */
  keyUsage(keyId: string, developerId: string, lineageId: string): KeyUsage {
    let usage = this.keys.get(keyId);
    if (!usage) {
      usage = new KeyUsage(keyId, developerId, this.lineage(lineageId));
      this.keys.set(keyId, usage);
    }
    return usage;
  }

  pendingIncrements(): UsageIncrement[] {
    const increments: UsageIncrement[] = [];
    for (const usage of this.keys.values()) {
      for (const [day, requests] of usage.pending) {
        increments.push({ keyId: usage.keyId, developerId: usage.developerId, day, requests });
      }
    }
    return increments;
  }

  /** Called only after the flush committed, so a failed flush leaves everything pending for the next one. */
  markFlushed(increments: readonly UsageIncrement[]): void {
    for (const increment of increments) this.keys.get(increment.keyId)?.markFlushed(increment.day, increment.requests);
  }

  /** Takes the database's per-lineage counts of the current periods as the flushed part of every lineage. */
  replaceFlushed(rows: readonly LineageDayUsage[]): void {
    const byLineage = new Map<string, Map<string, number>>();
    for (const row of rows) {
      let days = byLineage.get(row.lineageId);
      if (!days) byLineage.set(row.lineageId, (days = new Map<string, number>()));
      days.set(row.day, row.requests);
    }
    for (const [lineageId, lineage] of this.lineages) lineage.replaceFlushed(byLineage.get(lineageId) ?? new Map<string, number>());
    for (const [lineageId, days] of byLineage) if (!this.lineages.has(lineageId)) this.lineage(lineageId).replaceFlushed(days);
  }

  /** Forgets counters of keys the gateway no longer holds once nothing of theirs waits for a flush. */
  retain(liveKeyIds: ReadonlySet<string>): void {
    const referenced = new Set<LineageUsage>();
    for (const [keyId, usage] of this.keys) {
      if (!liveKeyIds.has(keyId) && usage.pending.size === 0) this.keys.delete(keyId);
      else referenced.add(usage.lineage);
    }
    for (const [lineageId, lineage] of this.lineages) {
      if (lineage.idle && !referenced.has(lineage)) this.lineages.delete(lineageId);
    }
  }

  private lineage(lineageId: string): LineageUsage {
    let lineage = this.lineages.get(lineageId);
    if (!lineage) {
      lineage = new LineageUsage(lineageId);
      this.lineages.set(lineageId, lineage);
    }
    return lineage;
  }
}
