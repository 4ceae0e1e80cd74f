import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayDriver, GatewayUnavailableError, PlanBindingsService } from '@keyport/api-gateway';
import { Clock, DAY_MS, isoDay, unavailable } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { KeyGatewayStateService } from '@keyport/keys';
import { type UsageIncrement, UsageRecorderService } from '@keyport/usage';
import { GatewayJobHistory } from './gateway-job-history.service';
import { type JobTrigger } from './gateway-job-run';

export interface UsageIngestionResult {
  from: string;
  to: string;
  plans: number;
  /** Key-days with requests written to usage_daily. */
  rows: number;
  /** Gateway keys with usage that Keyport does not know (made outside Keyport). */
  unknownKeys: number;
}

/**
 * Reads daily usage from the gateway (GetUsage per plan, paged) and stores it per Keyport key and
 * day. Re-reads the last days each time, since AWS data arrives late.
 */
@Injectable()
export class UsageIngestionService {
  private readonly logger = new Logger(UsageIngestionService.name);

  constructor(
    private readonly driver: GatewayDriver,
    private readonly bindings: PlanBindingsService,
    private readonly keys: KeyGatewayStateService,
    private readonly usage: UsageRecorderService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly history: GatewayJobHistory,
  ) {}

  /** An admin's on-demand run: a gateway that does not answer is a 503, not a failure of Keyport. */
  async runOnDemand(adminId: string, days?: number): Promise<UsageIngestionResult> {
    try {
      return await this.run({ by: 'admin', adminId }, days);
    } catch (error) {
      if (error instanceof GatewayUnavailableError) throw unavailable('The gateway did not answer; try again later');
      throw error;
    }
  }

  run(trigger: JobTrigger, days = this.config.gatewayJobs.usageSyncDays): Promise<UsageIngestionResult> {
    return this.history.track('usageIngestion', { trigger }, () => this.ingest(days));
  }

  private async ingest(days: number): Promise<UsageIngestionResult> {
    const now = this.clock.now();
    const to = isoDay(now);
    const from = isoDay(new Date(now.getTime() - (days - 1) * DAY_MS));
    const plans = [...new Set((await this.bindings.all()).map((binding) => binding.planId))];
    // A key that changed plan during a day has usage in both: the day's total is their sum.
    const totals = new Map<string, number>();
    for (const planId of plans) {
      for (const record of await this.driver.planUsage(planId, from, to)) {
        const id = `${record.gatewayKeyId}|${record.day}`;
        totals.set(id, (totals.get(id) ?? 0) + record.used);
      }
    }
    const gatewayIds = [...new Set([...totals.keys()].map((id) => id.split('|')[0]))];
    const known = await this.keys.ownersByGatewayId(gatewayIds);
    const rows: UsageIncrement[] = [];
    for (const [id, requests] of totals) {
      const [gatewayKeyId, day] = id.split('|');
      const key = known.get(gatewayKeyId);
      if (key && requests > 0) rows.push({ keyId: key.keyId, developerId: key.developerId, day, requests });
    }
    await this.usage.replaceDaily(rows);
    const result = { from, to, plans: plans.length, rows: rows.length, unknownKeys: gatewayIds.filter((id) => !known.has(id)).length };
    this.logger.log(`Usage ingested ${from}..${to}: ${result.rows} key-days from ${result.plans} plan(s)`);
    return result;
  }
}
