/**
 * Successfully verified tokens, keyed by the full token string, kept until their `exp`
 * (seconds since epoch, compared like aws-jwt-verify does: valid while exp >= now).
 * Bounded: past `maxEntries` the oldest insertion goes first.
 */
export class VerifiedTokenCache<T extends { expiresAt: number }> {
  private readonly entries = new Map<string, T>();

  constructor(readonly maxEntries = 10_000) {}

  get size(): number {
    return this.entries.size;
  }

  get(token: string, nowMs: number): T | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (entry.expiresAt < nowMs / 1000) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  set(token: string, value: T): void {
    this.entries.delete(token);
    this.entries.set(token, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
