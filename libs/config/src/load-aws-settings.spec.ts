import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('aws driver configuration', () => {
  const aws = { GATEWAY_DRIVER: 'aws', API_STAGES: 'a1b2c3:prod, a1b2c3:staging', KEY_ENCRYPTION_SECRET: 'x'.repeat(32) };

  it('reads stages, pacing and schedules with AWS defaults', () => {
    const config = loadConfig({ ...aws, AWS_REGION: 'eu-west-1', USAGE_SYNC_INTERVAL: '5m', AWS_PLAN_UPDATE_INTERVAL: '30' });
    expect(config.aws).toMatchObject({
      region: 'eu-west-1',
      apiStages: [
        { restApiId: 'a1b2c3', stage: 'prod' },
        { restApiId: 'a1b2c3', stage: 'staging' },
      ],
      rate: { requestsPerSecond: 10, burst: 40, keyWritesPerSecond: 5, planUpdateIntervalMs: 30_000 },
      maxApiKeys: 10_000,
    });
    expect(config.gatewayJobs).toEqual({ usageSyncIntervalMs: 300_000, usageSyncDays: 3, reconcileIntervalMs: 3_600_000 });
  });

  it('requires API_STAGES and KEY_ENCRYPTION_SECRET with the aws driver, and names bad values', () => {
    expect(() => loadConfig({ GATEWAY_DRIVER: 'aws' })).toThrow(/KEY_ENCRYPTION_SECRET is required when GATEWAY_DRIVER=aws/);
    expect(() => loadConfig({ GATEWAY_DRIVER: 'aws' })).toThrow(/API_STAGES is required when GATEWAY_DRIVER=aws/);
    try {
      loadConfig({ GATEWAY_DRIVER: 'aws', API_STAGES: 'nocolon', USAGE_SYNC_INTERVAL: 'soon', AWS_RATE_LIMIT: '0' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      for (const name of ['API_STAGES', 'USAGE_SYNC_INTERVAL', 'AWS_RATE_LIMIT', 'KEY_ENCRYPTION_SECRET']) expect((error as Error).message).toContain(name);
    }
  });
});
