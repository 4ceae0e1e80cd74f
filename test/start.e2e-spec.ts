import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { PASSWORD, uniqueEmail } from './support/journey';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_LOG_DIR } from './support/keyport-harness';
import { type StartedProcess, startNodeProcess } from './support/node-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const START_LINE =
  /Keyport API on (http:\/\/127\.0\.0\.1:\d+) · docs (\S+) · gateway (http:\/\/127\.0\.0\.1:\d+) · sign-up confirmation codes: printed in (\S+) as "Code for <e-mail> \.\.\."/;

/**
 * `npm start` as a newcomer runs it (scripts/start.cjs: dist/ built with SWC when stale, then the
 * built app), on the embedded default: the start line says where everything answers and where the
 * confirmation codes appear, and the README's sign-up works with the code found there.
 */
describe.skipIf(process.env.TEST_DATABASE_URL)('npm start on the embedded default', () => {
  let database: TestDatabase;
  let app: StartedProcess;
  let logFile: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    logFile = path.join(TEST_LOG_DIR, `${randomUUID()}.log`);
    app = await startNodeProcess(
      'scripts/start.cjs',
      {
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: '0',
        GATEWAY_PORT: '0',
        COGNITO_LOCAL_PORT: '0',
        DATA_DIR: database.dataDir,
        LOG_LEVEL: 'info',
        LOG_FILE: logFile,
        ADMIN_EMAIL,
        ADMIN_PASSWORD,
      },
      START_LINE,
      180_000, // a build on a busy machine, then a first start
    );
  }, 200_000);

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('says where the API, its docs and the gateway answer, and they do', async () => {
    const [, api, docs, gateway, codesIn] = app.ready;
    expect(docs).toBe(`${api}/docs`);
    expect(codesIn).toBe(logFile);
    expect((await new HttpClient(api).get('/health/ready')).status).toBe(200);
    expect((await fetch(docs)).status).toBe(200);
    // GATEWAY_AUTH=cognito by default: a call without an access token is refused before its key is looked at.
    expect((await new HttpClient(gateway).get('/orders/7')).body).toEqual({ message: 'Unauthorized' });
  });

  it('confirms a sign-up with the code printed in the log, as the README says', async () => {
    const http = new HttpClient(app.ready[1]);
    const email = uniqueEmail('newcomer');
    expect((await http.post('/v1/auth/signup', { email, password: PASSWORD })).status).toBe(201);
    const line = new RegExp(`Code for ${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(embedded Cognito, not e-mailed\\): (\\d+)`);
    let code: string | undefined;
    for (let attempt = 0; attempt < 50 && !code; attempt++) {
      code = line.exec(await readFile(logFile, 'utf8'))?.[1];
      if (!code) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(code).toBeDefined();
    expect((await http.post('/v1/auth/confirm', { email, code })).status).toBe(204);
    expect((await http.post('/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
  });
});
