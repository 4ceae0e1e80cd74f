import { describe, expect, it } from 'vitest';
import { ReservationBucket } from './reservation-bucket';

describe('ReservationBucket', () => {
  it('allows the burst at once, then paces at the rate', () => {
    let now = 0;
    const bucket = new ReservationBucket(10, 40, () => now);
    for (let i = 0; i < 40; i++) expect(bucket.reserve()).toBe(0);
    expect(bucket.reserve()).toBe(100);
    expect(bucket.reserve()).toBe(200);
    now = 200;
    expect(bucket.reserve()).toBe(100);
  });

  it('refills up to its capacity only', () => {
    let now = 0;
    const bucket = new ReservationBucket(5, 5, () => now);
    for (let i = 0; i < 5; i++) bucket.reserve();
    expect(bucket.waitMs()).toBe(200);
    now = 60_000;
    for (let i = 0; i < 5; i++) expect(bucket.reserve()).toBe(0);
    expect(bucket.reserve()).toBe(200);
  });

  it('spaces a one-per-20-seconds quota', () => {
    let now = 0;
    const bucket = new ReservationBucket(1 / 20, 1, () => now);
    expect(bucket.waitMs()).toBe(0);
    expect(bucket.reserve()).toBe(0);
    expect(bucket.waitMs()).toBe(20_000);
    now = 15_000;
    expect(bucket.waitMs()).toBe(5_000);
  });
});
