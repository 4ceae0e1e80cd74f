import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestContext } from '@keyport/common';
import { createRootLogger } from './logger.factory';
import { PinoNestLogger } from './pino-nest.logger';

const KEY = `kp${'A1b2C3d4E5'.repeat(3)}${'x9Y8z7W6'}`;
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLWJ5dGVz';

describe('the root logger', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function capture(write: (logger: ReturnType<typeof createRootLogger>) => void): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), 'kp-log-'));
    const file = path.join(dir, 'app.log');
    const logger = createRootLogger({ logLevel: 'info', observability: { logFile: file, metricsPort: 0 } });
    write(logger);
    logger.flush();
    return readFile(file, 'utf8');
  }

  it('redacts secrets by field name and by form, wherever they appear', async () => {
    expect(KEY).toMatch(/^kp[A-Za-z0-9]{38}$/);
    const text = await capture((logger) => {
      logger.info({ password: 'Hunter2-Hunter2', body: { refreshToken: 'opaque-refresh' }, req: { headers: { authorization: `Bearer ${JWT}` } } }, 'sign-in');
      logger.warn(`created ${KEY} for a caller with Bearer ${JWT}`);
      logger.error({ err: new Error(`Stripe said no to sk_test_51Hxyzabcdef and whsec_abcdef123456`) }, 'failed');
      new PinoNestLogger(logger).log(`token ${JWT} seen`, 'Ctx');
    });
    for (const secret of ['Hunter2-Hunter2', 'opaque-refresh', KEY, JWT, 'sk_test_51Hxyzabcdef', 'whsec_abcdef123456']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
    expect(text.trim().split('\n')).toHaveLength(4);
  });

  it('redacts secret fields at any depth, whatever their case, and in child bindings', async () => {
    const text = await capture((logger) => {
      logger.info(
        { a: { b: { c: { d: { password: 'deep-secret-1' } } } }, headers: { Authorization: 'opaque-credential-2', 'x-api-key': 'plain-key-3' } },
        'deep',
      );
      logger.child({ token: 'bound-secret-4' }).info('child');
    });
    for (const secret of ['deep-secret-1', 'opaque-credential-2', 'plain-key-3', 'bound-secret-4']) expect(text).not.toContain(secret);
    const [deep, child] = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(deep.a.b.c.d.password).toBe('[redacted]');
    expect(child.token).toBe('[redacted]');
  });

  it('puts the request id on every line written while a request is served', async () => {
    const text = await capture((logger) => {
      RequestContext.run({ requestId: 'req-42', actor: { type: 'anonymous' } }, () => new PinoNestLogger(logger).warn('inside', 'Ctx'));
      logger.info('outside');
    });
    const [inside, outside] = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(inside).toMatchObject({ level: 'warn', requestId: 'req-42', context: 'Ctx', msg: 'inside' });
    expect(outside.requestId).toBeUndefined();
  });
});
