import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** scrypt's work factor: 32 MiB and ~0.1-0.3 s per hash on a 2-core machine. Stored with each hash, so it can be raised later. */
export const STANDARD_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
/**
 * NODE_ENV=test only: suites sign up hundreds of users at once (200 concurrent sign-ups in the
 * load test), which at the standard cost would take minutes on a shared 2-core machine. The same
 * code, format and checks; only the work factor is lower.
 */
export const TEST_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const SCRYPT = 'scrypt';
const REFRESH = 'sha256';

/**
 * Passwords of the embedded identity store as salted scrypt hashes (node:crypto), in the form
 * `scrypt$N$r$p$salt$hash` (base64url). Refresh tokens are long random-looking JWTs: a SHA-256
 * digest is enough to make a stolen store useless for signing in.
 */
export class PasswordHasher {
  constructor(private readonly cost: ScryptCost = STANDARD_COST) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const derived = await derive(password, salt, this.cost);
    return [SCRYPT, this.cost.N, this.cost.r, this.cost.p, salt.toString('base64url'), derived.toString('base64url')].join('$');
  }

  /** Constant-time; a stored value that is not a hash of this form never matches. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parseHash(stored);
    if (!parsed) {
      // Spend the same work, so a missing account cannot be told from a wrong password by time.
      await derive(password, randomBytes(SALT_BYTES), this.cost);
      return false;
    }
    const derived = await derive(password, parsed.salt, parsed.cost);
    return derived.length === parsed.hash.length && timingSafeEqual(derived, parsed.hash);
  }
}

export function hashRefreshToken(token: string): string {
  return `${REFRESH}$${createHash('sha256').update(token).digest('hex')}`;
}

export function isRefreshTokenHash(value: unknown): boolean {
  return typeof value === 'string' && /^sha256\$[0-9a-f]{64}$/.test(value);
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  hash: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== SCRYPT || rest.length > 0 || !salt || !hash) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((v) => Number.isInteger(v) && v > 0) || cost.N > 2 ** 20 || cost.r > 32 || cost.p > 16) return null;
  return { cost, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128 * N * r bytes; Node's default ceiling (32 MiB) is exactly the standard cost's.
    scrypt(password, salt, KEY_BYTES, { ...cost, maxmem: 2 * 128 * cost.N * cost.r }, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}
