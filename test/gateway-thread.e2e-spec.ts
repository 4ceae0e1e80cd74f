import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IssuedKey, issueKey } from './support/gateway-journey';
import { HttpClient } from './support/http-client';
import { adminToken, signUpDeveloper } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

const BUSY_MS = 1_500;

/**
 * A client in a process of its own: calls the gateway with the key back to back for `seconds`,
 * says "ready" after its first answer, and prints when each answer came.
 */
const CLIENT = `
const http = require('node:http');
const [url, key, seconds] = process.argv.slice(1);
const agent = new http.Agent({ keepAlive: true });
const answers = [];
const call = () => new Promise((resolve, reject) => {
  http.get(url, { agent, headers: { 'x-api-key': key } }, (response) => {
    response.resume();
    response.on('end', () => resolve(response.statusCode));
  }).on('error', reject);
});
(async () => {
  const until = Date.now() + Number(seconds) * 1000;
  while (Date.now() < until) {
    const status = await call();
    answers.push({ status, at: Date.now() });
    if (answers.length === 1) process.stdout.write('ready\\n');
  }
  agent.destroy();
  process.stdout.write(JSON.stringify(answers) + '\\n');
})();
`;

/** The embedded gateway's request path runs in a thread of its own (gateway-thread.ts), not on the API's main thread. */
describe("embedded gateway: a thread apart from the API's", () => {
  let harness: KeyportHarness;
  let key: IssuedKey;

  beforeAll(async () => {
    // Key-only admission: nothing on the request path asks the main thread (a token's decision may, once its time is up).
    harness = await KeyportHarness.start({ env: { GATEWAY_AUTH: 'none' } });
    const http = new HttpClient(harness.baseUrl);
    key = await issueKey(harness, http, await signUpDeveloper(http, await adminToken(http)));
  });

  afterAll(async () => {
    await harness?.close();
  });

  it("admits and answers requests while the API's main thread is busy", async () => {
    const client = spawn(process.execPath, ['-e', CLIENT, `${harness.gatewayUrl}/orders`, key.value, '4'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const ready = new Promise<void>((resolve) =>
      client.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.startsWith('ready')) resolve();
      }),
    );
    const exited = new Promise<void>((resolve) => client.once('exit', () => resolve()));
    await ready;

    // Blocks this thread (the app's main thread: the harness runs the app in this process): no callback of it runs meanwhile.
    const busyFrom = Date.now();
    while (Date.now() - busyFrom < BUSY_MS) {
      // busy
    }
    const busyUntil = Date.now();

    await exited;
    const answers = JSON.parse(output.slice(output.indexOf('\n') + 1)) as { status: number; at: number }[];
    // Admitted, or throttled by the tier's plan: either way decided and answered by the gateway.
    expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 429)).toEqual([]);
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
    const whileBusy = answers.filter((answer) => answer.at > busyFrom + 50 && answer.at < busyUntil - 50);
    // On the main thread none could be answered in that window; a thread of its own answers hundreds.
    expect(whileBusy.length).toBeGreaterThanOrEqual(10);
  });
});
