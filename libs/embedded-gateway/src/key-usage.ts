import { type LineageUsage } from './lineage-usage';

/** Requests one Keyport key made per UTC day that are not in the database yet. */
export class KeyUsage {
  readonly pending = new Map<string, number>();

  constructor(
    readonly keyId: string,
    readonly developerId: string,
    readonly lineage: LineageUsage,
  ) {}

  count(day: string): void {
    this.pending.set(day, (this.pending.get(day) ?? 0) + 1);
    this.lineage.count(day);
  }

  markFlushed(day: string, requests: number): void {
    const left = (this.pending.get(day) ?? 0) - requests;
    if (left > 0) this.pending.set(day, left);
    else this.pending.delete(day);
    this.lineage.markFlushed(day, requests);
  }
}
