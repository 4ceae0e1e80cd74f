import { Injectable } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { GatewayDriver } from '@keyport/api-gateway';
import { IdentityProvider } from '@keyport/cognito';
import { DatabaseHealth } from '@keyport/db';
import { GatewayStatusService, type GatewayStatusReport } from '@keyport/gateway-sync';

const CHECK_TIMEOUT_MS = 3_000;

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, 'ok' | 'unavailable'>;
  /** The gateway driver's state: driver, key capacity, sync backlog. */
  gateway?: GatewayStatusReport;
}

/** Asks each dependency for a cheap answer through terminus, in parallel, each bounded by a timeout. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly database: DatabaseHealth,
    private readonly identity: IdentityProvider,
    private readonly gateway: GatewayDriver,
    private readonly gatewayStatus: GatewayStatusService,
  ) {}

  async check(): Promise<ReadinessReport> {
    const pings: Record<string, () => Promise<void>> = {
      database: () => this.database.ping(),
      identity: () => this.identity.ping(),
      gateway: () => this.gateway.ping(),
    };
    let checks: ReadinessReport['checks'];
    try {
      await this.health.check(
        Object.entries(pings).map(
          ([name, ping]) =>
            () =>
              this.probe(name, ping),
        ),
      );
      checks = Object.fromEntries(Object.keys(pings).map((name) => [name, 'ok']));
    } catch (error) {
      const details = ((error as { getResponse?: () => unknown }).getResponse?.() ?? {}) as { details?: Record<string, { status: string }> };
      checks = Object.fromEntries(Object.keys(pings).map((name) => [name, details.details?.[name]?.status === 'up' ? 'ok' : 'unavailable'] as const));
    }
    const gateway = checks.database === 'ok' ? await this.gatewayStatus.report().catch(() => undefined) : undefined;
    return { status: Object.values(checks).every((value) => value === 'ok') ? 'ok' : 'unavailable', checks, gateway };
  }

  private async probe(name: string, ping: () => Promise<void>): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(name);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
        }),
      ]);
      return session.up();
    } catch {
      // The cause stays out of the response: it may name hosts or carry driver messages.
      return session.down();
    } finally {
      clearTimeout(timer);
    }
  }
}
