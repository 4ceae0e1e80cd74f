import { Injectable } from '@nestjs/common';
import { GatewayDriver } from '@keyport/api-gateway';
import { IdentityProvider } from '@keyport/cognito';
import { DatabaseHealth } from '@keyport/db';
import { GatewayStatus, type GatewayStatusReport } from '@keyport/gateway-sync';

const CHECK_TIMEOUT_MS = 3_000;

/** Asks each dependency for a cheap answer, in parallel, each bounded by a timeout. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly identity: IdentityProvider,
    private readonly gateway: GatewayDriver,
    private readonly gatewayStatus: GatewayStatus,
  ) {}

  async check(): Promise<{ status: 'ok' | 'unavailable'; checks: Record<string, string>; gateway?: GatewayStatusReport }> {
    const entries = await Promise.all(
      Object.entries({
        database: () => this.database.ping(),
        identity: () => this.identity.ping(),
        gateway: () => this.gateway.ping(),
      }).map(async ([name, ping]) => [name, await probe(ping)] as const),
    );
    const checks = Object.fromEntries(entries);
    const gateway = checks.database === 'ok' ? await this.gatewayStatus.report().catch(() => undefined) : undefined;
    return { status: Object.values(checks).every((value) => value === 'ok') ? 'ok' : 'unavailable', checks, gateway };
  }
}

async function probe(ping: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}
