import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { session } from '../../auth/session';
import { renderInApp } from '../../testing/render';
import { type Operation } from './openapi';
import { TryIt } from './TryIt';

const API_KEY = 'kp_test_0123456789abcdefghij';
const base64url = (value: object): string => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const ACCESS_TOKEN = `${base64url({ alg: 'none' })}.${base64url({ sub: 'dev-1', exp: Math.floor(Date.now() / 1000) + 3600 })}.signature`;

const ORDER: Operation = {
  method: 'get',
  path: '/orders/{id}',
  tags: [],
  parameters: [
    { name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: '7' },
    { name: 'expand', in: 'query', schema: { type: 'string' }, example: 'items' },
  ],
  responses: [],
};

// The portal's program has no Node types (its code runs in browsers): the few shapes this test uses.
type HeaderMap = Record<string, string | string[] | undefined>;
interface Incoming {
  method?: string;
  url?: string;
  headers: HeaderMap;
}
interface Outgoing {
  writeHead(status: number, headers?: Record<string, string>): Outgoing;
  end(body?: string): void;
}
interface Server {
  listen(port: number, host: string, done: () => void): void;
  address(): { port: number };
  close(done: () => void): void;
}
type NodeHttp = { createServer(handler: (request: Incoming, response: Outgoing) => void): Server };
const NODE_HTTP = 'node:http';

/**
 * A real HTTP server standing in for Keyport's sign-in and the gateway at GATEWAY_PUBLIC_URL: it
 * answers the browser's CORS preflight as the embedded gateway does, records what reached it and
 * answers as the echo upstream would.
 */
async function standIn(): Promise<{ server: Server; seen: Array<{ method: string; url: string; headers: HeaderMap }> }> {
  const { createServer } = (await import(/* @vite-ignore */ NODE_HTTP)) as NodeHttp;
  const seen: Array<{ method: string; url: string; headers: HeaderMap }> = [];
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, x-api-key, content-type', 'access-control-allow-methods': 'GET, POST' };
  const server = createServer((request, response) => {
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    if (request.url === '/v1/auth/login') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ accessToken: ACCESS_TOKEN, idToken: ACCESS_TOKEN, expiresIn: 3600 }));
    }
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    response.writeHead(202, { ...cors, 'content-type': 'application/json' });
    response.end(JSON.stringify({ path: request.url, keyId: 'key-7' }));
  });
  return { server, seen };
}

describe('TryIt', () => {
  let server: Server;
  let seen: Awaited<ReturnType<typeof standIn>>['seen'];
  let origin = '';

  beforeAll(async () => {
    ({ server, seen } = await standIn());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    // The portal's API client calls its own origin.
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${origin}/apis`);
    await session.signIn('ada@example.com', 'Sup3r-Secret!');
  });

  afterAll(async () => {
    session.forget();
    await new Promise<void>((resolve) => server.close(resolve));
  });

  it('sends the chosen key and the bearer token to the gateway and shows its answer', async () => {
    const user = userEvent.setup();
    renderInApp(<TryIt document={{}} operation={ORDER} server={`${origin}/`} onClose={() => undefined} />);
    await user.type(screen.getByLabelText(/API key/), API_KEY);
    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByText('Status 202')).toBeTruthy();
    expect(screen.getByLabelText('Response body').textContent).toBe(JSON.stringify({ path: '/orders/7?expand=items', keyId: 'key-7' }, null, 2));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/orders/7?expand=items' });
    expect(seen[0]?.headers['x-api-key']).toBe(API_KEY);
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
  });
});
