import { tooManyRequests } from './fake-aws-error';

export interface FakeQuotaSettings {
  /** All control-plane calls of the account per second, and their burst (AWS: 10 and 40). */
  ratePerSecond: number;
  burst: number;
  /** CreateApiKey and DeleteApiKey, each, per second (AWS: 5). */
  keyWritesPerSecond: number;
  /** UpdateUsagePlan: one per this many ms (AWS: 20,000). */
  planUpdateWindowMs: number;
}

export const AWS_QUOTAS: FakeQuotaSettings = { ratePerSecond: 10, burst: 40, keyWritesPerSecond: 5, planUpdateWindowMs: 20_000 };

class Bucket {
  private tokens: number;
  private at = Date.now();

  constructor(
    private readonly rate: number,
    private readonly capacity: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes a token, or returns the seconds until one is free. */
  take(): number {
    const now = Date.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.rate));
  }
}

/** API Gateway's account-level control-plane throttles, enforced as AWS does: 429 with Retry-After. */
export class FakeQuotas {
  private readonly all: Bucket;
  private readonly own: Map<string, Bucket>;

  constructor(settings: FakeQuotaSettings) {
    this.all = new Bucket(settings.ratePerSecond, settings.burst);
    this.own = new Map([
      ['CreateApiKey', new Bucket(settings.keyWritesPerSecond, settings.keyWritesPerSecond)],
      ['DeleteApiKey', new Bucket(settings.keyWritesPerSecond, settings.keyWritesPerSecond)],
      ['UpdateUsagePlan', new Bucket(1000 / settings.planUpdateWindowMs, 1)],
      // GetResources: 5 requests every 2 seconds.
      ['GetResources', new Bucket(2.5, 5)],
    ]);
  }

  admit(operation: string): void {
    const overall = this.all.take();
    if (overall > 0) throw tooManyRequests(overall);
    const own = this.own.get(operation)?.take() ?? 0;
    if (own > 0) throw tooManyRequests(own);
  }
}
