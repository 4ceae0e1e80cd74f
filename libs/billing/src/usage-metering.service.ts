import { Injectable } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { Clock, DAY_MS, isoDay } from '@keyport/common';
import { Transactions } from '@keyport/db';
import { OutboxWriter } from '@keyport/outbox';
import { BillingOutboxType, type UsageReportMessage, meterAggregate } from './billing-messages';
import { type DeveloperDayUsage, MeterReportsRepository } from './meter-reports.repository';

const LOOKBACK_DAYS = 7;
const BATCH = 500;

/** The meter event identifier of one developer-day: the same on every resend, so Stripe bills it once. */
export const meterIdentifier = (developerId: string, day: string): string => `keyport-usage-${developerId}-${day}`;

/**
 * Usage-based billing: each finished UTC day of each developer's requests becomes one Stripe meter
 * event. A day is claimed and queued in one transaction, so it is sent once, retried until Stripe
 * has it, and never sent again by a later run.
 */
@Injectable()
export class UsageMeteringService {
  constructor(
    private readonly config: AppConfig,
    private readonly reports: MeterReportsRepository,
    private readonly outbox: OutboxWriter,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.billing?.meterEventName);
  }

  /** Queues every finished, unreported day; returns how many. */
  async queueFinishedDays(): Promise<number> {
    if (!this.enabled) return 0;
    const today = isoDay(this.clock.now());
    const from = isoDay(new Date(Date.parse(`${today}T00:00:00Z`) - LOOKBACK_DAYS * DAY_MS));
    let queued = 0;
    for (;;) {
      const batch = await this.reports.unreported(from, today, BATCH);
      for (const usage of batch) if (await this.queue(usage)) queued += 1;
      if (batch.length < BATCH) return queued;
    }
  }

  private queue(usage: DeveloperDayUsage): Promise<boolean> {
    const identifier = meterIdentifier(usage.developerId, usage.day);
    return this.transactions.run(async () => {
      if (!(await this.reports.claim(usage, identifier))) return false;
      const payload: UsageReportMessage = {
        customerId: usage.customerId,
        value: usage.requests,
        identifier,
        // Noon of the day: inside it whatever the meter's time zone rounding.
        at: `${usage.day}T12:00:00.000Z`,
      };
      await this.outbox.enqueue(meterAggregate(usage.developerId), BillingOutboxType.ReportUsage, payload);
      return true;
    });
  }
}
