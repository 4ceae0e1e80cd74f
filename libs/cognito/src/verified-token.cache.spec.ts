import { describe, expect, it } from 'vitest';
import { VerifiedTokenCache } from './verified-token.cache';

describe('VerifiedTokenCache', () => {
  it('keeps entries until exp (inclusive, like aws-jwt-verify) and then forgets them', () => {
    const cache = new VerifiedTokenCache<{ expiresAt: number }>();
    cache.set('t', { expiresAt: 1_000 });
    expect(cache.get('t', 1_000_000)).toEqual({ expiresAt: 1_000 });
    expect(cache.get('t', 1_000_001)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('is bounded and evicts the oldest first', () => {
    const cache = new VerifiedTokenCache<{ expiresAt: number }>(3);
    for (const t of ['a', 'b', 'c', 'd']) cache.set(t, { expiresAt: 10 });
    expect(cache.size).toBe(3);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('d', 0)).toBeDefined();
  });
});
