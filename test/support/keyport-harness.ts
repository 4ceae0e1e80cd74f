import { type Provider } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type AppConfig, loadConfig } from '@keyport/config';
import { EmbeddedGatewayServer } from '@keyport/embedded-gateway';
import { type AppCreator, createApp } from '../../apps/portal-api/src/app.factory';
import { createTestDatabase, type TestDatabase } from './test-database';

export const ADMIN_EMAIL = 'admin@keyport.test';
export const ADMIN_PASSWORD = 'Admin-Passw0rd!';

/** Replaces one provider everywhere (a clock the test moves, a gateway driver that fails on demand). */
export type ProviderOverride = Exclude<Provider, Function> & { provide: any };
/**
 * Every app a test starts logs (JSON, info level) to its own file in one folder per test run;
 * the last suite greps them all for secrets (test/log-secrets.audit-spec.ts).
 */
export const TEST_LOG_DIR = process.env.KEYPORT_TEST_LOG_DIR ?? path.join(tmpdir(), 'keyport-test-logs', 'adhoc');

export interface HarnessOptions {
  env?: Record<string, string>;
  overrides?: ProviderOverride[];
}

/**
 * Starts the real app over HTTP on a free port with a fresh database (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set) and its own cognito-local. `restart()` keeps the database and data folder.
 */
export class KeyportHarness {
  app!: NestFastifyApplication;
  config!: AppConfig;
  baseUrl = '';
  /** The embedded gateway's address (empty when the gateway driver is not `local`). */
  gatewayUrl = '';
  readonly logFile = path.join(TEST_LOG_DIR, `${randomUUID()}.log`);
  private running = false;

  private constructor(
    readonly database: TestDatabase,
    readonly dataDir: string,
    private options: HarnessOptions,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<KeyportHarness> {
    const database = await createTestDatabase();
    const harness = new KeyportHarness(database, database.dataDir, options);
    await harness.boot();
    return harness;
  }

  private async boot(): Promise<void> {
    this.config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOG_FILE: this.logFile,
      // Suites make many calls from one IP and user; tight limits are tested on their own.
      RATE_LIMIT_AUTH_MAX: '1000000',
      RATE_LIMIT_USER_MAX: '1000000',
      DATA_DIR: this.dataDir,
      COGNITO_LOCAL_PORT: '0',
      GATEWAY_PORT: '0',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      ...(this.database.databaseUrl ? { DATABASE_URL: this.database.databaseUrl, MIGRATE_ON_START: 'true' } : {}),
      ...this.options.env,
    });
    this.app = await createApp(this.config, this.options.overrides?.length ? overriding(this.options.overrides) : undefined);
    await this.app.listen(0, '127.0.0.1');
    const address = this.app.getHttpServer().address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    this.baseUrl = `http://127.0.0.1:${address.port}`;
    this.gatewayUrl = this.config.gatewayDriver === 'local' ? this.app.get(EmbeddedGatewayServer).url : '';
    this.running = true;
  }

  /** Stops the app, keeping its database and data folder; a second call does nothing. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.app.close();
  }

  /** Restarts on the same database and data folder, optionally with more environment. */
  async restart(env: Record<string, string> = {}): Promise<void> {
    this.options = { ...this.options, env: { ...this.options.env, ...env } };
    await this.stop();
    await this.boot();
  }

  async close(): Promise<void> {
    await this.stop();
    await this.database.drop();
  }
}

function overriding(overrides: ProviderOverride[]): AppCreator {
  return async (module, adapter, options) => {
    let builder = Test.createTestingModule({ imports: [module] });
    for (const { provide, ...definition } of overrides) builder = builder.overrideProvider(provide).useFactory(toFactory(definition));
    const compiled = await builder.compile();
    return compiled.createNestApplication<NestFastifyApplication>(adapter, options);
  };
}

function toFactory(definition: Record<string, any>): { factory: (...args: any[]) => unknown; inject?: any[] } {
  if ('useValue' in definition) return { factory: () => definition.useValue };
  if ('useFactory' in definition) return { factory: definition.useFactory, inject: definition.inject };
  throw new Error('overrides take useValue or useFactory');
}
