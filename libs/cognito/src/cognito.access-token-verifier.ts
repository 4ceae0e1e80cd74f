import { unavailable } from '@keyport/common';
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { FetchError, JwtExpiredError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { CognitoConnection } from './cognito-connection';
import { FetchJwksFetcher } from './fetch-jwks.fetcher';
import { AccessTokenVerifier, type VerifiedPrincipal } from './identity-provider.port';
import { tokenExpired, tokenInvalid } from './token-errors';
import { VerifiedTokenCache } from './verified-token.cache';
import { WithoutPublishedKeyFetcher } from './without-published-key.fetcher';

/** Checks a token again with its expiry waived (aws-jwt-verify checks `exp` before issuer, use and client). */
const IGNORING_EXPIRY = { graceSeconds: Number.MAX_SAFE_INTEGER };

export interface CognitoAccessTokenVerifierOptions {
  /** JWKS fetcher (default: `fetch`-based for cognito-local, aws-jwt-verify's https one for AWS). */
  fetcher?: Fetcher;
  /** Verified tokens kept in memory; default 10,000. */
  cacheSize?: number;
}

/**
 * AccessTokenVerifier for Cognito access tokens: signature against the pool's JWKS (fetched once,
 * cached by aws-jwt-verify, refetched only for an unknown `kid` and at most every 10 s), issuer,
 * `token_use = access`, `client_id`, expiry. Real pools use CognitoJwtVerifier; cognito-local
 * (issuer `http://...`, pool ids `local_...` that CognitoJwtVerifier refuses) uses JwtVerifier
 * with the same checks spelled out. Verified tokens are cached until `exp`; failures never are.
 */
export class CognitoAccessTokenVerifier extends AccessTokenVerifier {
  private readonly verifyJwt: (token: string, options?: typeof IGNORING_EXPIRY) => Promise<JwtPayload>;
  private readonly cache: VerifiedTokenCache<VerifiedPrincipal>;
  private readonly portalClientId: string;

  constructor(connection: CognitoConnection, options: CognitoAccessTokenVerifierOptions = {}) {
    super();
    this.cache = new VerifiedTokenCache(options.cacheSize ?? 10_000);
    this.portalClientId = connection.clientId;
    if (connection.local) {
      const clientId = connection.clientId;
      const verifier = JwtVerifier.create(
        {
          issuer: connection.issuer,
          jwksUri: connection.jwksUri,
          audience: null, // access tokens carry client_id, not aud
          customJwtCheck: ({ payload }) => {
            if (payload.token_use !== 'access') throw new Error('not an access token');
            if (payload.client_id !== clientId && !isClientCredentialsToken(payload)) throw new Error('issued to another client');
          },
        },
        { jwksCache: new SimpleJwksCache({ fetcher: new WithoutPublishedKeyFetcher(options.fetcher ?? new FetchJwksFetcher()) }) },
      );
      this.verifyJwt = (token, options) => verifier.verify(token, options);
    } else {
      const verifier = CognitoJwtVerifier.create(
        // Any client of the pool: toPrincipal accepts the portal's user tokens and applications' client_credentials tokens.
        { userPoolId: connection.userPoolId, tokenUse: 'access', clientId: null },
        options.fetcher ? { jwksCache: new SimpleJwksCache({ fetcher: options.fetcher }) } : undefined,
      );
      this.verifyJwt = (token, options) => verifier.verify(token, options);
    }
  }

  async verify(token: string): Promise<VerifiedPrincipal> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 16_384) throw tokenInvalid();
    const cached = this.cache.get(token, Date.now());
    if (cached) return cached;

    let payload: JwtPayload;
    try {
      payload = await this.verifyJwt(token);
    } catch (error) {
      // The JWKS could not be fetched: the pool is down, not the token bad.
      if (error instanceof FetchError) throw unavailable('The identity provider is unavailable');
      // The signature held (aws-jwt-verify checks it first); whether the rest does decides what to say.
      if (error instanceof JwtExpiredError && (await this.genuineIgnoringExpiry(token))) throw tokenExpired();
      throw tokenInvalid();
    }
    const principal = toPrincipal(payload, this.portalClientId);
    if (!principal) throw tokenInvalid();
    this.cache.set(token, principal);
    return principal;
  }

  private async genuineIgnoringExpiry(token: string): Promise<boolean> {
    try {
      return toPrincipal(await this.verifyJwt(token, IGNORING_EXPIRY), this.portalClientId) !== undefined;
    } catch {
      return false;
    }
  }
}

/**
 * A token an application got with the client_credentials grant: no user (`username`), `sub` is the
 * client id, and it carries the scopes granted. Which clients are applications Keyport knows is
 * for the caller to decide (the gateway and the admin routes look the client id up).
 */
function isClientCredentialsToken(payload: JwtPayload): boolean {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JwtPayload's index signature claims every claim is present; this one may be absent
  return payload.username === undefined && typeof payload.client_id === 'string' && payload.sub === payload.client_id && typeof payload.scope === 'string';
}

function toPrincipal(payload: JwtPayload, portalClientId: string): VerifiedPrincipal | undefined {
  if (isClientCredentialsToken(payload)) {
    const { sub, exp, scope } = payload as JwtPayload & { sub: string; scope: string };
    if (typeof exp !== 'number') return undefined;
    const scopes = Object.freeze(scope.split(' ').filter((s) => s !== '')) as string[];
    return Object.freeze({
      userId: sub,
      username: sub,
      groups: Object.freeze([]) as unknown as string[],
      expiresAt: exp,
      client: Object.freeze({ clientId: sub, scopes }),
    });
  }
  if (payload.client_id !== portalClientId) return undefined;
  const { sub, username, exp } = payload;
  const groups = payload['cognito:groups'] ?? [];
  if (typeof sub !== 'string' || typeof exp !== 'number') return undefined;
  if (!Array.isArray(groups) || !groups.every((g): g is string => typeof g === 'string')) return undefined;
  return Object.freeze({
    userId: sub,
    username: typeof username === 'string' ? username : sub,
    groups: Object.freeze([...groups]) as string[],
    expiresAt: exp,
  });
}
