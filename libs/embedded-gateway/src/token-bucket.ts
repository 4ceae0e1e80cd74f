/**
 * API Gateway's throttle for one key: a bucket of `burst` tokens refilled at `rate` per second;
 * each request takes one. Limits are passed on every call so a plan change applies at once.
 */
export class TokenBucket {
  private tokens: number;
  private updatedMs: number;

  constructor(burst: number, nowMs: number) {
    this.tokens = burst;
    this.updatedMs = nowMs;
  }

  take(nowMs: number, rate: number, burst: number): boolean {
    const elapsed = nowMs - this.updatedMs;
    if (elapsed > 0) {
      this.tokens = Math.min(burst, this.tokens + (elapsed * rate) / 1000);
      this.updatedMs = nowMs;
    } else if (this.tokens > burst) {
      this.tokens = burst;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
