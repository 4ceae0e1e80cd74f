/** Exponential backoff with full jitter (AWS's recommendation), honouring a server's Retry-After. */
export class RetryPolicy {
  constructor(
    readonly baseMs = 250,
    readonly capMs = 5 * 60_000,
    readonly maxAttempts = 50,
    private readonly random: () => number = Math.random,
  ) {}

  delayMs(attempt: number, retryAfterMs?: number): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** Math.min(attempt - 1, 30));
    const jittered = Math.floor(this.random() * ceiling);
    return Math.max(jittered, retryAfterMs ?? 0);
  }

  exhausted(attempt: number): boolean {
    return attempt >= this.maxAttempts;
  }
}

/** An error that says when to try again (a throttled AWS call with Retry-After, for instance). */
export interface RetryAfterHint {
  retryAfterMs?: number;
}
