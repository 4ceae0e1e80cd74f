import { type FakeApiGateway } from '../fakes/api-gateway/fake-api-gateway';

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
