import { type IncomingMessage, type ServerResponse } from 'node:http';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
/** What a browser calling through the portal's "Try it" sends besides simple headers. */
const DEFAULT_HEADERS = 'authorization, content-type, x-api-key, x-request-id';
const EXPOSED_HEADERS = 'x-amzn-errortype, retry-after, x-request-id';
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?:\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

/**
 * CORS at the embedded gateway, so the portal's "Try it" can call it from the browser: the
 * portal's own origin (the API's, learnt when it listens) and CORS_ORIGINS may read responses;
 * preflights are answered here, before any key or token is asked for (browsers send none with them).
 * Keys and tokens travel in headers, never cookies, so no credentials mode is allowed.
 * `origins`: CORS_ORIGINS and, once the API listens, the portal's (see EmbeddedGatewayServer.allowPortal).
 */
export class GatewayCors {
  private readonly origins: Set<string>;
  private readonly anyOrigin: boolean;

  constructor(origins: readonly string[]) {
    this.origins = new Set(origins.filter((origin) => origin !== '*'));
    this.anyOrigin = origins.includes('*');
  }

  /** The portal's origins when the API listens on `port`: its loopback names (and HOST when it is one name). */
  static portalOrigins(port: number, host: string): string[] {
    const origins = ['localhost', '127.0.0.1', '[::1]'].map((name) => `http://${name}:${port}`);
    if (host !== '0.0.0.0' && host !== '::') origins.push(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);
    return origins;
  }

  allows(origin: string): boolean {
    return this.anyOrigin || this.origins.has(origin);
  }

  /** Sets the CORS headers for an allowed origin; true when the request was a preflight, now answered. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    const origin = request.headers.origin;
    if (origin === undefined) return false;
    response.setHeader('vary', 'origin');
    if (!this.allows(origin)) return false;
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    if (request.method !== 'OPTIONS' || request.headers['access-control-request-method'] === undefined) return false;
    const requested = request.headers['access-control-request-headers'];
    request.resume();
    response.writeHead(204, {
      'access-control-allow-methods': ALLOWED_METHODS,
      // An API's own header parameters are the provider's to name: a well-formed list is allowed as asked.
      'access-control-allow-headers': requested !== undefined && HEADER_LIST.test(requested) ? requested : DEFAULT_HEADERS,
      'access-control-max-age': '600',
      'content-length': '0',
    });
    response.end();
    return true;
  }
}
