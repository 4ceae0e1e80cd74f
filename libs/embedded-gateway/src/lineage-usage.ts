/**
 * Requests of one rotation lineage (a key and its successors) per UTC day: what the database
 * holds plus what this gateway counted and has not flushed yet. Quotas are checked against it, so
 * a rotated key inherits its predecessor's count.
 */
export class LineageUsage {
  private flushed = new Map<string, number>();
  private readonly pending = new Map<string, number>();
  // The total since one period start, kept up to date so the hot path does not sum days.
  private cachedFrom = '';
  private cachedTotal = 0;

  constructor(readonly lineageId: string) {}

  usedSince(from: string): number {
    if (from !== this.cachedFrom) {
      this.cachedTotal = sumSince(this.flushed, from) + sumSince(this.pending, from);
      this.cachedFrom = from;
    }
    return this.cachedTotal;
  }

  count(day: string): void {
    this.pending.set(day, (this.pending.get(day) ?? 0) + 1);
    if (this.cachedFrom !== '' && day >= this.cachedFrom) this.cachedTotal += 1;
  }

  /** The database now holds these requests: they move from pending to flushed, the total is unchanged. */
  markFlushed(day: string, requests: number): void {
    const left = (this.pending.get(day) ?? 0) - requests;
    if (left > 0) this.pending.set(day, left);
    else this.pending.delete(day);
    this.flushed.set(day, (this.flushed.get(day) ?? 0) + requests);
  }

  /** What the database holds now, read afresh (it may include other gateways' flushes). */
  replaceFlushed(days: Map<string, number>): void {
    this.flushed = days;
    this.cachedFrom = '';
  }

  get idle(): boolean {
    return this.pending.size === 0 && this.flushed.size === 0;
  }
}

function sumSince(days: Map<string, number>, from: string): number {
  let total = 0;
  for (const [day, requests] of days) if (day >= from) total += requests;
  return total;
}
