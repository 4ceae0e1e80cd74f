import { timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { EMBEDDED_SECRET_HEADER } from '../cognito-client';
import { TOKEN_PATH } from './client-credentials.grant';
import { type InstallationKey } from './installation-key';

const JWKS_PATH = /^\/([\w-]+)\/\.well-known\/jwks\.json$/;
const OPENID_PATH = /^\/([\w-]+)\/\.well-known\/openid-configuration$/;

export interface EmbeddedCognitoGuard {
  key: InstallationKey;
  /** This server's base URL, once listening. */
  endpoint: () => string | undefined;
  /** When set, every API call must carry it (EMBEDDED_SECRET_HEADER); only this process knows it. */
  embeddedSecret?: string;
  /** Serves `POST /oauth2/token` (the client_credentials grant), open to any caller as on Cognito. */
  tokenEndpoint?: RequestListener;
}

/**
 * In front of cognito-local's Express application:
 * - `/<poolId>/.well-known/jwks.json` lists this installation's key alone (cognito-local's lists the
 *   key published in its package); the OpenID configuration names this server (cognito-local's
 *   says `localhost:9229`).
 * - A request from a browser (any `Origin` header) is refused: cognito-local allows every origin,
 *   so any web page could otherwise drive its admin operations (AdminAddUserToGroup, ...).
 * - With `embeddedSecret`, an API call without it is refused: cognito-local checks no credentials,
 *   so any local process could otherwise make itself an admin, or guess passwords past Keyport's
 *   sign-in lockout.
 */
export function embeddedCognitoHandler(guard: EmbeddedCognitoGuard, application: RequestListener): RequestListener {
  const jwks = JSON.stringify({ keys: [guard.key.publicJwk] });
  const secret = guard.embeddedSecret ? Buffer.from(guard.embeddedSecret) : undefined;
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.origin !== undefined) return refuse(response, 'Browsers may not call the embedded Cognito');
    const url = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method === 'GET' && JWKS_PATH.test(url)) return json(response, 200, jwks);
    const openid = request.method === 'GET' ? OPENID_PATH.exec(url) : null;
    if (openid) {
      const issuer = `${guard.endpoint() ?? ''}/${openid[1]}`;
      return json(response, 200, JSON.stringify({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json`, id_token_signing_alg_values_supported: ['RS256'] }));
    }
    if (guard.tokenEndpoint && request.method === 'POST' && url === TOKEN_PATH) return guard.tokenEndpoint(request, response);
    if (secret && request.method === 'POST' && !matches(request.headers[EMBEDDED_SECRET_HEADER], secret)) {
      return refuse(response, 'Only the Keyport process that started this embedded Cognito may call it');
    }
    return application(request, response);
  };
}

function matches(header: string | string[] | undefined, secret: Buffer): boolean {
  const sent = Buffer.from(typeof header === 'string' ? header : '');
  return sent.length === secret.length && timingSafeEqual(sent, secret);
}

function refuse(response: ServerResponse, message: string): void {
  json(response, 403, JSON.stringify({ __type: 'NotAuthorizedException', message }));
}

function json(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
