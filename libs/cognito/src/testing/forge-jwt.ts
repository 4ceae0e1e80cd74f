import { type KeyObject, createPrivateKey, createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * cognito-local signs every token with one fixed key shipped in the package; tests use it to
 * forge tokens with chosen claims, so each check of the verifier is proven on its own.
 */
export function cognitoLocalPrivateKey(): KeyObject {
  const require = createRequire(__filename);
  const file = require.resolve('cognito-local/lib/keys/cognitoLocal.private.json');
  const { pem } = JSON.parse(readFileSync(file, 'utf8')) as { pem: string };
  return createPrivateKey(pem);
}

/** An RS256 JWT over `claims`, signed with `key` under the header `kid`. */
export function signJwt(claims: Record<string, unknown>, key: KeyObject, kid = 'CognitoLocal'): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** The claims of a JWT, unverified (test assertions only). */
export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
