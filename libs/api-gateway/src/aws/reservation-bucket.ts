/**
 * A token bucket that hands out reservations: a caller takes the next token even when the bucket is
 * empty and learns how long to wait for it, so concurrent callers queue fairly without polling.
 */
export class ReservationBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    /** Tokens added per second. */
    readonly ratePerSecond: number,
    /** Most tokens the bucket holds (the burst). */
    readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes a token and returns the milliseconds to wait before using it (0: at once). */
  reserve(): number {
    this.refill();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.ratePerSecond);
  }

  /** Milliseconds until a token is free, without taking one. */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
  }
}
