import { createServer, type IncomingHttpHeaders, type IncomingMessage, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { type IssuedKey, gatewayHeaders, issueKey, rememberKeyOwner } from './support/gateway-journey';
import { HttpClient } from './support/http-client';
import { PASSWORD, type SignedInDeveloper, adminToken, signUpDeveloper } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

interface Recorded {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The upstream's answer carries connection-specific fields of its own, which must not reach the caller. */
const UPSTREAM_RESPONSE_HEADERS = {
  'content-type': 'text/plain',
  connection: 'x-upstream-hop',
  'x-upstream-hop': 'secret',
  'keep-alive': 'timeout=99, max=7',
  'proxy-authenticate': 'Basic realm="upstream"',
  trailer: 'x-checksum',
  upgrade: 'h2c',
  'x-kept-response': 'yes',
};

/**
 * The embedded gateway as a proxy, against an upstream that records what it receives: hop-by-hop
 * fields never cross it either way (RFC 9110 section 7.6.1, `Connection`'s list included), the
 * caller's credentials reach the upstream only when UPSTREAM_FORWARD_HEADERS says so, and no path
 * leaves UPSTREAM_URL's prefix, however it is encoded.
 */
describe('embedded gateway as a proxy', () => {
  let upstream: Server;
  let seen: Recorded[];
  let harness: KeyportHarness;
  let key: IssuedKey;
  let owner: SignedInDeveloper;

  beforeAll(async () => {
    seen = [];
    upstream = createServer((request: IncomingMessage, response) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers });
      request.resume();
      request.on('end', () => {
        response.writeHead(200, UPSTREAM_RESPONSE_HEADERS);
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const port = (upstream.address() as AddressInfo).port;
    harness = await KeyportHarness.start({ env: { UPSTREAM_URL: `http://127.0.0.1:${port}/base` } });
    const http = new HttpClient(harness.baseUrl);
    owner = await signUpDeveloper(http, await adminToken(http));
    key = await issueKey(harness, http, owner);
  });

  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  /** Raw HTTP, since fetch refuses to send Connection, Keep-Alive, TE, Upgrade and the Proxy-* fields. */
  function call(path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
    const gateway = new URL(harness.gatewayUrl);
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        {
          host: gateway.hostname,
          port: gateway.port,
          method: body === undefined ? 'GET' : 'POST',
          path,
          headers: { ...gatewayHeaders(key.value), ...headers },
          agent: false,
        },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  const callerHeaders = {
    connection: 'keep-alive, X-Caller-Hop',
    'x-caller-hop': 'for the gateway only',
    'keep-alive': 'timeout=30',
    'proxy-connection': 'keep-alive',
    te: 'trailers',
    trailer: 'x-checksum',
    upgrade: 'h2c',
    'proxy-authorization': 'Basic cHJveHk6c2VjcmV0',
    cookie: 'session=caller-session',
    'x-end-to-end': 'kept',
  };

  it('drops hop-by-hop fields, those Connection names, proxy credentials, Authorization and Cookie on the way in', async () => {
    seen.length = 0;
    const answer = await call('/orders/7?x=1', callerHeaders, '{"qty":2}');
    expect(answer.status).toBe(200);
    expect(seen).toHaveLength(1);
    const received = seen[0]!.headers;
    for (const name of ['x-caller-hop', 'proxy-connection', 'te', 'trailer', 'upgrade', 'proxy-authorization', 'authorization', 'cookie', 'x-api-key']) {
      expect(received[name], name).toBeUndefined();
    }
    expect(received['keep-alive']).toBeUndefined();
    expect(received.connection ?? '').not.toMatch(/x-caller-hop/i);
    expect(received['x-end-to-end']).toBe('kept');
    expect(received['x-keyport-key-id']).toBe(key.id);
    expect(seen[0]!.url).toBe('/base/orders/7?x=1');
  });

  it('drops the hop-by-hop fields of the answer, Proxy-Authenticate and those its Connection names', async () => {
    const answer = await call('/orders/7');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('ok');
    for (const name of ['x-upstream-hop', 'proxy-authenticate', 'trailer', 'upgrade']) expect(answer.headers[name], name).toBeUndefined();
    // The gateway's own connection has its own Keep-Alive; the upstream's never passes through.
    expect(answer.headers['keep-alive'] ?? '').not.toContain('max=7');
    expect(answer.headers['x-kept-response']).toBe('yes');
  });

  it('normalises the path and answers 400 to any that would leave the UPSTREAM_URL prefix, before admission', async () => {
    seen.length = 0;
    expect((await call('/a/b/../c')).status).toBe(200);
    expect((await call('/a/./b/%2e%2e/d?q=../x')).status).toBe(200);
    expect(seen.map((r) => r.url)).toEqual(['/base/a/c', '/base/a/d?q=../x']);

    seen.length = 0;
    for (const path of [
      '/../secret',
      '/a/../../secret',
      '/%2e%2e/secret',
      '/a/%2E%2e/%2e%2e/secret',
      '/..%2fsecret',
      '/a%2f..%2f..%2fsecret',
      '/a/%5c..%5c..%5csecret',
      'http://127.0.0.1/secret',
    ]) {
      const refused = await call(path);
      expect(refused.status, path).toBe(400);
      expect(JSON.parse(refused.body)).toEqual({ message: 'Bad Request' });
      expect(refused.headers['x-amzn-errortype']).toBe('BadRequestException');
      // Refused before the key is looked at: without one it is the same answer.
      expect((await call(path, { 'x-api-key': '' })).status, path).toBe(400);
    }
    expect(seen).toHaveLength(0);
  });

  it('never forwards the access token the gateway checked, even when UPSTREAM_FORWARD_HEADERS lists Authorization', async () => {
    await harness.restart({ UPSTREAM_FORWARD_HEADERS: 'Authorization, cookie' });
    // The embedded Cognito came back on another port (another issuer): sign in again.
    const http = new HttpClient(harness.baseUrl);
    const login = await http.post('/v1/auth/login', { email: owner.email, password: PASSWORD });
    rememberKeyOwner(key.value, login.body.accessToken);
    seen.length = 0;
    expect((await call('/orders/7', callerHeaders, '{}')).status).toBe(200);
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.headers.cookie).toBe('session=caller-session');
  });

  it('forwards Authorization and Cookie when UPSTREAM_FORWARD_HEADERS lists them with GATEWAY_AUTH=none, and warns at start', async () => {
    await harness.restart({ UPSTREAM_FORWARD_HEADERS: 'Authorization, cookie', GATEWAY_AUTH: 'none' });
    expect(await readFile(harness.logFile, 'utf8')).toContain('GATEWAY_AUTH=none: the gateway admits a request on its API key alone');
    seen.length = 0;
    expect((await call('/orders/7', { ...callerHeaders, authorization: 'Bearer caller-credential' }, '{}')).status).toBe(200);
    const received = seen[0]!.headers;
    expect(received.authorization).toBe('Bearer caller-credential');
    expect(received.cookie).toBe('session=caller-session');
    for (const name of ['x-caller-hop', 'proxy-authorization', 'te', 'upgrade']) expect(received[name], name).toBeUndefined();
  });
});
