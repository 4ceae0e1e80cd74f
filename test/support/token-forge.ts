import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadInstallationKey } from '@keyport/cognito';

/**
 * Signs JWTs for tests. `installation` signs with the key the embedded Cognito of a data folder
 * signs with (a test may read it), so a token with chosen claims (expired, another client, another
 * pool) proves each claim check on its own; `cognitoLocal` signs with the key cognito-local
 * publishes in its package, which nothing may accept; `stranger` with a key nobody knows.
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

  /** The key of the embedded Cognito keeping its state in `<dataDir>/cognito`. */
  static async installation(dataDir: string): Promise<TokenForge> {
    const key = await loadInstallationKey(path.join(dataDir, 'cognito'));
    return new TokenForge(key.privateKey, key.kid);
  }

  /** The same key under another `kid` header. */
  static withKid(forge: TokenForge, kid: string): TokenForge {
    return new TokenForge(forge.key, kid);
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
