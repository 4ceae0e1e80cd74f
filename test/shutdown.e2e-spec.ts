import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyportHarness } from './support/keyport-harness';
import { expectErrorShape } from './support/journey';

/** Reads from the socket until it closes; the replica ends the connection once it has answered. */
function readUntilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

/**
 * A replica that is shutting down still answers what arrives on connections it had open: the
 * request in flight completes, a request pipelined behind it gets 503 in the one error shape with
 * `Retry-After`, so a load balancer or client retries it elsewhere.
 */
describe('requests that arrive while the replica shuts down', () => {
  let harness: KeyportHarness;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
  });

  afterAll(() => harness?.close());

  it('are answered 503 SHUTTING_DOWN in the error shape, after the request in flight completes', async () => {
    const { port } = new URL(harness.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const answers = readUntilClosed(socket);
    const body = JSON.stringify({ email: 'nobody@example.com', password: 'not-the-password-1A!' });
    // The first request is in flight (its body not yet complete) when the shutdown begins.
    socket.write(
      `POST /v1/auth/login HTTP/1.1\r\nHost: keyport\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopping = harness.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.write(`${body.slice(5)}GET /health/live HTTP/1.1\r\nHost: keyport\r\n\r\n`);

    const text = await answers;
    await stopping;
    const responses = text.split(/(?=HTTP\/1\.1 )/);
    expect(responses).toHaveLength(2);
    expect(responses[0]).toMatch(/^HTTP\/1\.1 401 /);
    const [head, payload] = responses[1].split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 503 /);
    expect(head.toLowerCase()).toContain('retry-after: 1');
    expect(head.toLowerCase()).toContain('connection: close');
    const error = JSON.parse(payload);
    expectErrorShape(error, 503);
    expect(error.code).toBe('SHUTTING_DOWN');
  });
});
