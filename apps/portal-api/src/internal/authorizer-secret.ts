import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares the header with AUTHORIZER_SECRET in constant time (both hashed first, so lengths never leak). */
export function isAuthorizerSecret(sent: string | string[] | undefined, secret: string): boolean {
  if (typeof sent !== 'string') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(secret));
}
