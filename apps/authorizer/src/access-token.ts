import { JwtVerifier } from 'aws-jwt-verify';
import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { type VerifiedCaller } from '@keyport/gateway-decision';
import { type AuthorizerConfig } from './authorizer-config';

/** The pool's JWKS over the global `fetch` (aws-jwt-verify's own fetcher is https-only; tests use cognito-local over http). */
class GlobalFetchJwks implements Fetcher {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(3_000) }).catch(() => {
      throw new FetchError(uri, 'request failed');
    });
    if (response.status !== 200) throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    return response.arrayBuffer();
  }
}

/**
 * Verifies a Cognito access token of the pool (signature against the JWKS, fetched once per
 * container and cached by aws-jwt-verify, issuer, expiry, `token_use = access`) and reads the
 * caller the shared decision needs; undefined for anything else (an ID token included).
 */
export class AccessTokens {
  private readonly verifier;

  constructor(config: AuthorizerConfig) {
    this.verifier = JwtVerifier.create(
      {
        issuer: config.issuer,
        jwksUri: config.jwksUrl,
        audience: null, // access tokens carry client_id, not aud
        customJwtCheck: ({ payload }) => {
          if (payload.token_use !== 'access') throw new Error('not an access token');
        },
      },
      { jwksCache: new SimpleJwksCache({ fetcher: new GlobalFetchJwks() }) },
    );
  }

  async verify(token: string): Promise<VerifiedCaller | undefined> {
    let payload: JwtPayload;
    try {
      payload = await this.verifier.verify(token);
    } catch (error) {
      // The pool's keys could not be fetched: an outage, not a bad token (API Gateway answers 500).
      if (error instanceof FetchError && !(error instanceof NonRetryableFetchError)) throw error;
      return undefined;
    }
    const { sub, client_id: clientId, scope, username } = payload;
    if (typeof sub !== 'string' || typeof clientId !== 'string') return undefined;
    const scopes = typeof scope === 'string' ? scope.split(' ').filter((s) => s !== '') : [];
    // client_credentials: no user, and `sub` is the client id.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JwtPayload's index signature claims every claim is present; this one may be absent
    if (username === undefined && sub === clientId && typeof scope === 'string') return { sub, client: { clientId, scopes } };
    return { sub, scopes };
  }
}
