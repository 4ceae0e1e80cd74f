import { Client } from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { GatewayBootstrapService } from '@keyport/gateway-sync';
import { FakeApiGateway, type FakeApiGatewayOptions } from '../fakes/api-gateway/fake-api-gateway';
import { HttpClient } from './http-client';
import { KeyportHarness } from './keyport-harness';

export const API_STAGE = 'a1b2c3d4e5:prod';
export const KEY_SECRET = 'keyport-test-sealing-secret-0123456789abcdef';

/** The environment that points Keyport's aws driver at the fake control plane. */
export function awsEnv(fake: FakeApiGateway, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GATEWAY_DRIVER: 'aws',
    AWS_ENDPOINT: fake.url,
    AWS_REGION: 'us-east-1',
    API_STAGES: API_STAGE,
    KEY_ENCRYPTION_SECRET: KEY_SECRET,
    // The fake's UpdateUsagePlan window is shortened to this too, so tests need not wait 20 s.
    AWS_PLAN_UPDATE_INTERVAL: '1s',
    USAGE_SYNC_INTERVAL: '0',
    RECONCILE_INTERVAL: '0',
    ...extra,
  };
}

/** The SDK signs every request: give its standard credential chain something to sign with. */
export function useFakeAwsCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIAKEYPORTTESTFAKE';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'keyport-test-fake-secret-access-key';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
}

/** Polls until `check` holds; a generous deadline, since the machine is shared. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** Whether a PostgreSQL server answers at this URL. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export interface AwsKeyport {
  fake: FakeApiGateway;
  harness: KeyportHarness;
  http: HttpClient;
  close(): Promise<void>;
}

/** A fake API Gateway (UpdateUsagePlan window 1 s) and Keyport on the aws driver pointed at it, optionally bootstrapped. */
export async function startAwsKeyport(options: { fake?: FakeApiGatewayOptions; env?: Record<string, string>; bootstrap?: boolean } = {}): Promise<AwsKeyport> {
  useFakeAwsCredentials();
  const fake = await new FakeApiGateway({ ...options.fake, quotas: { planUpdateWindowMs: 1_000, ...(options.fake?.quotas || {}) } }).start();
  const harness = await KeyportHarness.start({ env: awsEnv(fake, options.env) });
  if (options.bootstrap) await harness.app.get(GatewayBootstrapService).run();
  return {
    fake,
    harness,
    http: new HttpClient(harness.baseUrl),
    close: async () => {
      await harness.close();
      await fake.stop();
    },
  };
}

/** Starts an AwsKeyport before the suite and closes it after; its fields are set once the suite runs. */
export function useAwsKeyport(options: Parameters<typeof startAwsKeyport>[0] = {}): AwsKeyport {
  const suite = {} as AwsKeyport;
  beforeAll(async () => {
    Object.assign(suite, await startAwsKeyport(options));
  });
  afterAll(() => suite.close?.());
  return suite;
}
