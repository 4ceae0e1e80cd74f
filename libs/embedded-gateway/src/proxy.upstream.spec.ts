import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ProxyUpstream } from './proxy.upstream';

/** Over real sockets: an upstream that never answers, and a listener that forwards to it. */
describe('ProxyUpstream', () => {
  const servers: Server[] = [];
  let proxy: ProxyUpstream | undefined;

  afterEach(async () => {
    proxy?.close();
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  async function listen(server: Server): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  it('answers 504 as API Gateway does when the upstream sends no response headers in time', async () => {
    const silent = await listen(createServer(() => {}));
    const upstream = new ProxyUpstream(`http://127.0.0.1:${silent}`, [], 200);
    proxy = upstream;
    const gateway = await listen(createServer((request, response) => upstream.forward(request, response, null)));
    const started = Date.now();
    const answer = await fetch(`http://127.0.0.1:${gateway}/slow`);
    expect(answer.status).toBe(504);
    expect(answer.headers.get('x-amzn-errortype')).toBe('IntegrationTimeout');
    expect(await answer.json()).toEqual({ message: 'Endpoint request timed out' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('does not time out a request the upstream answered, however long its caller takes to finish', async () => {
    const quick = await listen(createServer((_request, response) => response.end('ok')));
    const upstream = new ProxyUpstream(`http://127.0.0.1:${quick}`, [], 100);
    proxy = upstream;
    const gateway = await listen(createServer((request, response) => upstream.forward(request, response, null)));
    const answer = await fetch(`http://127.0.0.1:${gateway}/fast`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('ok');
  });

  it("lets go of an idle upstream connection before the upstream's announced keep-alive ends, so no request goes out on a closing socket", async () => {
    const upstreamServer = createServer((_request, response) => response.end('ok'));
    upstreamServer.keepAliveTimeout = 3_000; // announced as `Keep-Alive: timeout=3`
    const closedByGateway = new Promise<boolean>((resolve) => {
      upstreamServer.on('connection', (socket) => {
        let peerEnded = false;
        socket.on('end', () => (peerEnded = true));
        socket.on('close', () => resolve(peerEnded));
      });
    });
    const port = await listen(upstreamServer);
    const upstream = new ProxyUpstream(`http://127.0.0.1:${port}`);
    proxy = upstream;
    const gateway = await listen(createServer((request, response) => upstream.forward(request, response, null)));
    expect((await fetch(`http://127.0.0.1:${gateway}/once`)).status).toBe(200);
    // Node drops the idle socket at the hint less one second (2 s); the upstream would close it at 3 s.
    expect(await closedByGateway).toBe(true);
  });
});
