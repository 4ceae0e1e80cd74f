import { type FastifyReply, type FastifyRequest } from 'fastify';
import { forbidden } from '@keyport/common';

/** The browser session: the refresh token in a cookie scripts cannot read, sent only to the auth routes. */
export const REFRESH_COOKIE = 'keyport_refresh';
/** Sent by the web app on login and refresh: keep the refresh token in the cookie, not in the JSON. */
export const SESSION_HEADER = 'x-keyport-session';
const COOKIE_PATH = '/v1/auth';
/** Cognito's default refresh-token lifetime (30 days); the token stops working then anyway. */
const MAX_AGE_SECONDS = 30 * 24 * 3600;

/** Whether the client asked for the cookie session (header `x-keyport-session: cookie`). */
export function wantsCookieSession(request: FastifyRequest): boolean {
  return request.headers[SESSION_HEADER] === 'cookie';
}

export function refreshTokenFromCookie(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE && value.length > 0) return value.join('=') || undefined;
  }
  return undefined;
}

export function setRefreshCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.header('set-cookie', cookie(request, `${REFRESH_COOKIE}=${token}`, MAX_AGE_SECONDS));
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', cookie(request, `${REFRESH_COOKIE}=`, 0));
}

/**
 * A cookie goes along with any request to this site, whoever's page sent it: the cookie's use is
 * refused unless the browser says the request came from this site (`Sec-Fetch-Site`) or, from an
 * older browser, its `Origin` is this origin. SameSite=Strict is the first line; this the second.
 */
export function requireSameSite(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw crossSite();
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}`) throw crossSite();
}

function crossSite() {
  return forbidden('The session cookie may only be used from this site', 'CROSS_SITE_REQUEST');
}

function cookie(request: FastifyRequest, pair: string, maxAge: number): string {
  // `protocol` honours X-Forwarded-Proto only from a proxy TRUST_PROXY names.
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${pair}; Path=${COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
}
