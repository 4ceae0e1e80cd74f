import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Fetcher } from 'aws-jwt-verify/https';

/** The modulus of the RSA key cognito-local ships in its package (and signs with, unless run by Keyport). */
const PUBLISHED_MODULUS: string = (
  JSON.parse(readFileSync(createRequire(__filename).resolve('cognito-local/lib/keys/cognitoLocal.public.json'), 'utf8')) as { jwk: { n: string } }
).jwk.n;

/**
 * A JWKS fetcher for cognito-local pools that drops the key published in cognito-local's package
 * from every JWKS it fetches: anyone can sign with that key, so no token it signed is ever valid,
 * even from a stock cognito-local that lists it (Keyport's embedded one never does).
 */
export class WithoutPublishedKeyFetcher implements Fetcher {
  constructor(private readonly inner: Fetcher) {}

  async fetch(uri: string, requestOptions?: Record<string, unknown>, data?: ArrayBuffer): Promise<ArrayBuffer> {
    const body = await this.inner.fetch(uri, requestOptions, data);
    let jwks: { keys?: unknown };
    try {
      jwks = JSON.parse(new TextDecoder().decode(body)) as { keys?: unknown };
    } catch {
      return body; // not JSON: aws-jwt-verify reports it
    }
    if (!Array.isArray(jwks.keys)) return body;
    const keys = jwks.keys.filter((key: { n?: unknown } | null) => key?.n !== PUBLISHED_MODULUS);
    return new TextEncoder().encode(JSON.stringify({ ...jwks, keys })).buffer;
  }
}
