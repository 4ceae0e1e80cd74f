import { type KeyObject, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { signRs256 } from '../rs256-jwt';

/**
 * The key cognito-local ships in its package (and signs every token with): anyone can read it,
 * so the verifier must refuse what it signs. Tests forge with it to prove that.
 */
export function cognitoLocalPrivateKey(): KeyObject {
  const require = createRequire(__filename);
  const file = require.resolve('cognito-local/lib/keys/cognitoLocal.private.json');
  const { pem } = JSON.parse(readFileSync(file, 'utf8')) as { pem: string };
  return createPrivateKey(pem);
}

/** An RS256 JWT over `claims`, signed with `key` under the header `kid`. */
export function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  return signRs256(claims, key, kid);
}

/** The claims of a JWT, unverified (test assertions only). */
export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
