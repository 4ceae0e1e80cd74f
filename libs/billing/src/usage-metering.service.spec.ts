import { describe, expect, it } from 'vitest';
import { type Clock } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { type OutboxWriter } from '@keyport/outbox';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type DeveloperDayUsage, type MeterReportsRepository } from './meter-reports.repository';
import { UsageMeteringService } from './usage-metering.service';

const NOW = new Date('2026-12-03T10:00:00Z');
const day = (developerId: string, date: string, requests = 10): DeveloperDayUsage => ({ developerId, customerId: `cus-${developerId}`, day: date, requests });

/** `pages`: what each successive `unreported` read answers; `claimed`: which developer-days nobody claimed before. */
function world(meterEventName: string | undefined, pages: DeveloperDayUsage[][], claimed: (usage: DeveloperDayUsage) => boolean = () => true) {
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const reports = strictFake<MeterReportsRepository>('MeterReportsRepository', {
    unreported: recorder(async () => pages.shift() ?? []),
    claim: recorder(async (usage: DeveloperDayUsage, identifier: string) => {
      effects.push(`claim ${identifier}${transactions.open ? '' : ' (outside a transaction)'}`);
      return claimed(usage);
    }),
  });
  const outbox = strictFake<OutboxWriter>('OutboxWriter', {
    enqueue: recorder(async (aggregate: string, message: { type: string }, payload: unknown) => {
      effects.push(`${message.type} ${aggregate} ${JSON.stringify(payload)}${transactions.open ? '' : ' (outside a transaction)'}`);
    }),
  });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const config = { billing: meterEventName === undefined ? { graceDays: 3 } : { graceDays: 3, meterEventName } } as AppConfig;
  return { service: new UsageMeteringService(config, reports, outbox, transactions.asTransactions(), clock), reports, effects, transactions };
}

describe('UsageMeteringService', () => {
  it('queues each finished day of the last week as one meter report, claimed and queued in one transaction', async () => {
    const { service, reports, effects, transactions } = world('api_requests', [[day('dev-1', '2026-12-01', 42)]]);
    expect(await service.queueFinishedDays()).toBe(1);
    // Finished days only: from a week ago up to, not including, today.
    expect(reports.unreported).toHaveProperty('calls', [['2026-11-26', '2026-12-03', 500]]);
    expect(effects).toEqual([
      'claim keyport-usage-dev-1-2026-12-01',
      'billing.meter.report meter:dev-1 {"customerId":"cus-dev-1","value":42,"identifier":"keyport-usage-dev-1-2026-12-01","at":"2026-12-01T12:00:00.000Z"}',
    ]);
    expect(transactions.runs).toBe(1);
  });

  it('queues nothing for a day another run already claimed', async () => {
    const { service, effects } = world('api_requests', [[day('dev-1', '2026-12-01'), day('dev-2', '2026-12-01')]], (usage) => usage.developerId === 'dev-2');
    expect(await service.queueFinishedDays()).toBe(1);
    expect(effects.filter((effect) => effect.startsWith('billing.meter.report'))).toHaveLength(1);
    expect(effects.at(-1)).toContain('meter:dev-2');
  });

  it('reads page after page while a page comes back full', async () => {
    const full = Array.from({ length: 500 }, (_, i) => day(`dev-${i}`, '2026-12-02', 1));
    const { service, reports } = world('api_requests', [full, [day('dev-x', '2026-12-02')]]);
    expect(await service.queueFinishedDays()).toBe(501);
    expect((reports.unreported as unknown as { calls: unknown[] }).calls).toHaveLength(2);
  });

  it('does nothing without a meter event name', async () => {
    const { service, reports } = world(undefined, [[day('dev-1', '2026-12-01')]]);
    expect(service.enabled).toBe(false);
    expect(await service.queueFinishedDays()).toBe(0);
    expect(reports.unreported).toHaveProperty('calls', []);
  });
});
