import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('admits a full burst at once, then one request per 1/rate seconds', () => {
    const bucket = new TokenBucket(3, 0);
    expect([1, 2, 3, 4].map(() => bucket.take(0, 2, 3))).toEqual([true, true, true, false]);
    expect(bucket.take(499, 2, 3)).toBe(false);
    expect(bucket.take(500, 2, 3)).toBe(true);
    expect(bucket.take(500, 2, 3)).toBe(false);
  });

  it('never holds more than the burst, however long it waited', () => {
    const bucket = new TokenBucket(2, 0);
    expect(bucket.take(3_600_000, 100, 2)).toBe(true);
    expect(bucket.take(3_600_000, 100, 2)).toBe(true);
    expect(bucket.take(3_600_000, 100, 2)).toBe(false);
  });

  it('applies new limits on the next request: a lowered burst caps, a raised rate refills faster', () => {
    const bucket = new TokenBucket(10, 0);
    expect(bucket.take(0, 1, 2)).toBe(true);
    expect(bucket.take(0, 1, 2)).toBe(true);
    expect(bucket.take(0, 1, 2)).toBe(false);
    expect(bucket.take(10, 1_000, 2)).toBe(true);
  });

  it('does not refill when the clock steps back', () => {
    const bucket = new TokenBucket(1, 1_000);
    expect(bucket.take(1_000, 1, 1)).toBe(true);
    expect(bucket.take(0, 1, 1)).toBe(false);
  });
});
