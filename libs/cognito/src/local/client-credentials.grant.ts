import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Services } from 'cognito-local/lib/services';
import type { Context } from 'cognito-local/lib/services/context';
import { signRs256 } from '../rs256-jwt';
import { type EmbeddedAppClient, secretMatches } from './app-client.routes';
import { type InstallationKey } from './installation-key';

export const TOKEN_PATH = '/oauth2/token';
const MAX_BODY_BYTES = 16 * 1024;
const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 };

/** The error words of Cognito's token endpoint; every one answers 400, as Cognito does. */
type TokenError = 'invalid_request' | 'invalid_client' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';

export interface ClientCredentialsDeps {
  services: Services;
  ctx: Context;
  key: InstallationKey;
  /** This server's base URL, once listening. */
  endpoint: () => string | undefined;
}

/**
 * Cognito's `/oauth2/token` for the `client_credentials` grant, which cognito-local does not serve:
 * a form body; the client id and secret by HTTP Basic or as `client_id` / `client_secret`; an
 * optional space-separated `scope` within the client's allowed scopes (all of them when absent).
 * Answers `{access_token, expires_in, token_type: "Bearer"}` with Cognito's claims (`sub` and
 * `client_id` the client id, `scope`, `token_use: access`, the pool's issuer), signed with this
 * installation's key, so the pool's JWKS verifies it.
 */
export function clientCredentialsGrant(deps: ClientCredentialsDeps): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    readForm(request)
      .then((form) => (form ? issue(deps, request, form) : ('invalid_request' as const)))
      .then(
        (result) => (typeof result === 'string' ? reply(response, 400, { error: result }) : reply(response, 200, result)),
        () => reply(response, 500, { error: 'server_error' }),
      );
  };
}

async function issue(deps: ClientCredentialsDeps, request: IncomingMessage, form: URLSearchParams): Promise<TokenError | Record<string, unknown>> {
  const grantType = form.get('grant_type');
  if (!grantType) return 'invalid_request';
  const credentials = clientCredentials(request.headers.authorization, form);
  if (!credentials) return 'invalid_client';
  const client: EmbeddedAppClient | null = await deps.services.cognito.getAppClient(deps.ctx, credentials.id);
  if (!client || !secretMatches(client, credentials.secret)) return 'invalid_client';
  if (grantType !== 'client_credentials') return 'unsupported_grant_type';
  if (!client.AllowedOAuthFlows?.includes('client_credentials')) return 'unauthorized_client';
  const allowed = client.AllowedOAuthScopes ?? [];
  const requested =
    form
      .get('scope')
      ?.split(' ')
      .filter((s) => s !== '') ?? allowed;
  if (requested.length === 0 || requested.some((scope) => !allowed.includes(scope))) return 'invalid_scope';

  const now = Math.floor(deps.services.clock.get().getTime() / 1000);
  const expiresIn = (client.AccessTokenValidity ?? 60) * (UNIT_SECONDS[client.TokenValidityUnits?.AccessToken ?? 'minutes'] ?? 60);
  const claims = {
    sub: client.ClientId,
    token_use: 'access',
    scope: requested.join(' '),
    auth_time: now,
    iss: `${deps.endpoint() ?? ''}/${client.UserPoolId}`,
    exp: now + expiresIn,
    iat: now,
    version: 2,
    jti: randomUUID(),
    client_id: client.ClientId,
  };
  return { access_token: signRs256(claims, deps.key.privateKey, deps.key.kid), expires_in: expiresIn, token_type: 'Bearer' };
}

/** HTTP Basic (RFC 6749 section 2.3.1, form-encoded parts) wins over the form's fields, as on Cognito. */
function clientCredentials(authorization: string | undefined, form: URLSearchParams): { id: string; secret: string } | undefined {
  const basic = authorization ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization) : null;
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return undefined;
    try {
      return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
    } catch {
      return undefined;
    }
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : undefined;
}

function readForm(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((resolve, reject) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (type !== 'application/x-www-form-urlencoded' || size > MAX_BODY_BYTES) return resolve(undefined);
      try {
        resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
    request.on('error', reject);
  });
}

function reply(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  response.end(text);
}
