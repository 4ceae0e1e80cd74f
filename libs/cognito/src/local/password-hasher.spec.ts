import { describe, expect, it } from 'vitest';
import { PasswordHasher, STANDARD_COST, TEST_COST, hashRefreshToken } from './password-hasher';

describe('PasswordHasher', () => {
  it('hashes with a salt and the standard cost, and verifies only the right password', async () => {
    const hasher = new PasswordHasher();
    const [a, b] = [await hasher.hash('Correct-Horse-9'), await hasher.hash('Correct-Horse-9')];
    expect(a).toMatch(new RegExp(`^scrypt\\$${STANDARD_COST.N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(a).not.toBe(b);
    expect(await hasher.verify('Correct-Horse-9', a)).toBe(true);
    expect(await hasher.verify('Correct-Horse-8', a)).toBe(false);
    // A stored value that is not a hash (the password itself, say) never matches.
    expect(await hasher.verify('Correct-Horse-9', 'Correct-Horse-9')).toBe(false);
    expect(await hasher.verify('pw', 'scrypt$1$1')).toBe(false);
  });

  it('verifies a hash made at another cost with the cost stored in it', async () => {
    const cheap = await new PasswordHasher(TEST_COST).hash('pw');
    expect(cheap.startsWith(`scrypt$${TEST_COST.N}$`)).toBe(true);
    expect(await new PasswordHasher().verify('pw', cheap)).toBe(true);
  });

  it('digests refresh tokens', () => {
    expect(hashRefreshToken('a.b.c')).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(hashRefreshToken('a.b.c')).toBe(hashRefreshToken('a.b.c'));
  });
});
