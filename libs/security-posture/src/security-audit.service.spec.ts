import { ConsoleLogger, Logger } from '@nestjs/common';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GatewayUnavailableError } from '@keyport/api-gateway';
import { type Clock } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type AwsPostureReader } from './aws/aws-posture.reader';
import { type AuditRunSummary } from './audit-run-summary';
import { type SecurityAuditHistoryRepository } from './security-audit-history.repository';
import { type SecurityAuditMetrics } from './security-audit.metrics';
import { SecurityAuditService } from './security-audit.service';

const START = new Date('2026-03-18T10:00:00Z');
const TTL_MS = 300_000;
const AUTH_FAIL = 'gateway-auth-mode embedded-gateway';

interface Options {
  driver?: 'local' | 'aws';
  /** The fails of the run kept last; null: no run kept yet. */
  previousFails?: string[] | null;
  awsRead?: () => Promise<[]>;
}

/** The embedded gateway with GATEWAY_AUTH=none (one fail), no IP rule (one warn) and the echo upstream (one pass). */
function world(options: Options = {}) {
  let now = START;
  const aws = strictFake<AwsPostureReader>('AwsPostureReader', { read: recorder(options.awsRead ?? (async () => [])) });
  const history = strictFake<SecurityAuditHistoryRepository>('SecurityAuditHistoryRepository', {
    latestFails: recorder(async () => (options.previousFails === null ? null : new Set(options.previousFails ?? []))),
    record: recorder(async () => undefined),
    recent: recorder(async () => [] as AuditRunSummary[]),
    latestCheckedAt: recorder(async () => START),
  });
  const metrics = strictFake<SecurityAuditMetrics>('SecurityAuditMetrics', { audited: recorder(() => undefined) });
  const clock = strictFake<Clock>('Clock', { now: () => now });
  const config = {
    gatewayDriver: options.driver ?? 'local',
    securityAudit: { ttlMs: TTL_MS, intervalMs: 0 },
    applications: { gatewayAuth: 'none' },
    gatewayIpRule: null,
    embeddedGateway: { upstreamUrl: undefined },
  } as unknown as AppConfig;
  const service = new SecurityAuditService(config, aws, history, metrics, clock);
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));
  return { service, aws, history, metrics, advance };
}

const runs = (history: SecurityAuditHistoryRepository) => (history.record as unknown as { calls: unknown[][] }).calls;

describe('SecurityAuditService', () => {
  // The service logs through Nest's static logger: captured here, to assert the warnings and keep the output quiet.
  const warnings: string[] = [];
  const ignore = () => undefined;
  beforeAll(() => Logger.overrideLogger({ log: ignore, error: ignore, warn: (message: string) => void warnings.push(message) }));
  beforeEach(() => void warnings.splice(0));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  it("audits the embedded gateway's settings on the local driver, keeps the run and counts a fail the last run did not have", async () => {
    const { service, history, metrics } = world({ previousFails: null });
    const report = await service.report();
    expect(report).toMatchObject({ checkedAt: START.toISOString(), driver: 'local', summary: { pass: 1, warn: 1, fail: 1 } });
    expect(report.findings.map((finding) => `${finding.check} ${finding.status}`)).toEqual([
      'gateway-auth-mode fail',
      'gateway-ip-rule warn',
      'gateway-transport pass',
    ]);
    expect(runs(history)).toEqual([[report, [AUTH_FAIL]]]);
    expect(metrics.audited).toHaveProperty('calls', [[{ pass: 1, warn: 1, fail: 1 }, ['gateway-auth-mode']]]);
    expect(warnings).toEqual([expect.stringMatching(/^New security audit fail: gateway-auth-mode on embedded-gateway: GATEWAY_AUTH=none/)]);
  });

  it('counts no new fail when the last run had it already', async () => {
    const { service, history, metrics } = world({ previousFails: [AUTH_FAIL] });
    const report = await service.report();
    expect(runs(history)).toEqual([[report, []]]);
    expect(metrics.audited).toHaveProperty('calls.0.1', []);
    expect(warnings).toEqual([]);
  });

  it('serves the last audit for SECURITY_AUDIT_TTL, then audits again; `fresh` audits at once', async () => {
    const { service, history, advance } = world();
    const first = await service.report();
    advance(TTL_MS - 1);
    expect(await service.report()).toBe(first);
    expect(runs(history)).toHaveLength(1);
    expect(await service.report({ fresh: true })).not.toBe(first);
    expect(runs(history)).toHaveLength(2);
    advance(TTL_MS);
    await service.report();
    expect(runs(history)).toHaveLength(3);
  });

  it('lets concurrent callers share the run in progress', async () => {
    const { service, history } = world();
    const [a, b] = await Promise.all([service.report(), service.report({ fresh: true })]);
    expect(a).toBe(b);
    expect(runs(history)).toHaveLength(1);
  });

  it('reads the API Gateway stages on the aws driver', async () => {
    const { service, aws } = world({ driver: 'aws' });
    expect(await service.report()).toMatchObject({ driver: 'aws', summary: { pass: 0, warn: 0, fail: 0 }, findings: [] });
    expect(aws.read).toHaveProperty('calls', [[]]);
  });

  it('answers 503 when API Gateway does not answer, keeps no run, and tries again on the next call', async () => {
    let fail = true;
    const { service, history } = world({
      driver: 'aws',
      awsRead: async () => {
        if (fail) throw new GatewayUnavailableError('throttled');
        return [];
      },
    });
    await expect(service.report()).rejects.toMatchObject({ kind: 'UNAVAILABLE', code: 'UNAVAILABLE' });
    expect(runs(history)).toEqual([]);
    expect(warnings).toEqual(['Security audit could not read the gateway: throttled']);
    fail = false;
    await expect(service.report()).resolves.toMatchObject({ driver: 'aws' });
  });

  it('passes on a failure that is not the gateway being unavailable', async () => {
    const bug = new TypeError('bug in a check');
    const { service } = world({
      driver: 'aws',
      awsRead: async () => {
        throw bug;
      },
    });
    await expect(service.report()).rejects.toBe(bug);
  });

  it('answers the kept runs and when the last one happened from the history', async () => {
    const { service, history } = world();
    expect(await service.recentRuns(5)).toEqual([]);
    expect(history.recent).toHaveProperty('calls', [[5]]);
    expect(await service.lastRunAt()).toBe(START);
  });
});
