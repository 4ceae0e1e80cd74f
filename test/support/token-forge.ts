import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Signs JWTs for negative tests. cognito-local signs every token with a key it ships in its
 * package, so a token with chosen claims (expired, another client, another pool) can be made
 * with the very key the verifier trusts; that proves each claim check on its own.
 */
export class TokenForge {
  private constructor(
    private readonly key: KeyObject,
    private readonly kid: string,
  ) {}

  static cognitoLocal(): TokenForge {
    const file = path.resolve(require.resolve('cognito-local/package.json'), '..', 'lib', 'keys', 'cognitoLocal.private.json');
    const { jwk } = JSON.parse(readFileSync(file, 'utf8')) as { jwk: Record<string, string> };
    return new TokenForge(createPrivateKey({ key: jwk, format: 'jwk' }), jwk.kid ?? 'CognitoLocal');
  }

  static stranger(): TokenForge {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return new TokenForge(privateKey, 'CognitoLocal');
  }

  sign(claims: Record<string, unknown>): string {
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const input = `${encode(header)}.${encode(claims)}`;
    return `${input}.${sign('RSA-SHA256', Buffer.from(input), this.key).toString('base64url')}`;
  }
}

export function decodeClaims(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}
