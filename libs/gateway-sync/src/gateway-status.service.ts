import { Inject, Injectable } from '@nestjs/common';
import { AwsCallStats } from '@keyport/api-gateway';
import { Clock } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { KeyCapacity } from '@keyport/keys';
import { OutboxBacklogService } from '@keyport/outbox';

export interface GatewayStatusReport {
  driver: 'local' | 'aws';
  region?: string;
  /** Live keys, and the most the gateway account may hold (null: no limit on this driver). */
  keys: { used: number; limit: number | null };
  /** Changes committed but not yet applied to the gateway, and those given up on. */
  sync: { pending: number; oldestPendingSeconds: number | null; dead: number };
  /** Calls this process sent to AWS since it started, and how many AWS throttled or failed. */
  calls?: { sent: number; throttled: number; serverErrors: number; networkErrors: number };
}

/** The gateway driver's state for /health/ready: capacity, sync backlog, AWS call health. */
@Injectable()
export class GatewayStatusService {
  constructor(
    private readonly capacity: KeyCapacity,
    private readonly outbox: OutboxBacklogService,
    private readonly stats: AwsCallStats,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async report(): Promise<GatewayStatusReport> {
    const [keys, backlog] = await Promise.all([this.capacity.usage(), this.outbox.stats()]);
    const sync = {
      pending: backlog.pending,
      oldestPendingSeconds: backlog.oldestPendingAt ? Math.max(0, Math.round((this.clock.now().getTime() - backlog.oldestPendingAt.getTime()) / 1000)) : null,
      dead: backlog.dead,
    };
    if (this.config.gatewayDriver !== 'aws') return { driver: 'local', keys, sync };
    const calls = this.stats.snapshot();
    return {
      driver: 'aws',
      region: this.config.aws.region,
      keys,
      sync,
      calls: {
        sent: Object.values(calls.calls).reduce((sum, n) => sum + n, 0),
        throttled: calls.throttled,
        serverErrors: calls.serverErrors,
        networkErrors: calls.networkErrors,
      },
    };
  }
}
