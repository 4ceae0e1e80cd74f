import { describe, expect, it } from 'vitest';
import { type Clock } from '@keyport/common';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type DayRange, dayRange } from './day-range';
import { usageGroupCursor } from './usage-group-cursor';
import { type DeveloperTotalRow, type GroupWindow, type UsageReportsRepository, type UtilizationRow } from './usage-reports.repository';
import { UsageReportsService } from './usage-reports.service';

// A Wednesday: this week began on Monday 16 March.
const NOW = new Date('2026-03-18T10:00:00Z');
const RANGE: DayRange = { from: '2026-01-15', to: '2026-03-10' };
const KEY_ID = '0b6f3c1e-2d4a-4b8e-9f10-1a2b3c4d5e6f';
const row = (overrides: Partial<UtilizationRow>): UtilizationRow => ({
  developerId: 'dev-1',
  email: 'ada@example.com',
  tier: 'standard',
  quotaLimit: 1000,
  quotaPeriod: 'MONTH',
  requests: 0,
  granted: 0,
  ...overrides,
});

function world(options: { window?: GroupWindow | null; top?: DeveloperTotalRow[]; utilization?: UtilizationRow[] } = {}) {
  const window = options.window === undefined ? { first: 'dev-1', last: 'dev-2', full: true } : options.window;
  const reports = strictFake<UsageReportsRepository>('UsageReportsRepository', {
    byDayOrTier: recorder(async (_range: DayRange, groupBy: 'day' | 'tier') =>
      groupBy === 'tier'
        ? [
            { group: 'premium', requests: 300 },
            { group: 'standard', requests: 700 },
          ]
        : [{ group: '2026-03-01', requests: 1000 }],
    ),
    developerWindow: recorder(async () => window),
    keyWindow: recorder(async () => window),
    byDeveloper: recorder(async () => [{ group: 'dev-1', requests: 900 }]),
    byKey: recorder(async () => [{ group: KEY_ID, developerId: 'dev-1', requests: 900 }]),
    top: recorder(async () => options.top ?? []),
    utilization: recorder(async () => ({ total: 7, rows: options.utilization ?? [] })),
    developerRequestsBetween: recorder(async () => 420),
  });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  return { service: new UsageReportsService(reports, clock), reports };
}

describe('UsageReportsService', () => {
  it("answers a developer's requests in a period from the per-developer rollup (an admin's developer profile)", async () => {
    const { service, reports } = world();
    const [from, to] = [new Date('2026-03-16T00:00:00Z'), new Date('2026-03-23T00:00:00Z')];
    expect(await service.developerRequestsBetween('dev-1', from, to)).toBe(420);
    expect(reports.developerRequestsBetween).toHaveProperty('calls', [['dev-1', from, to]]);
  });

  it("parses a range against the clock's today: the last 30 days by default, at most 366 days", () => {
    const { service } = world();
    expect(service.range(undefined, undefined)).toEqual({ from: '2026-02-17', to: '2026-03-18' });
    expect(() => service.range('2025-01-01', '2026-03-18')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'to' })] }),
    );
  });

  it('totals by tier from one read, the total being the sum of the groups', async () => {
    const { service, reports } = world();
    expect(await service.totals(RANGE, 'tier', { tier: 'standard' }, { limit: 10 })).toEqual({
      range: RANGE,
      groupBy: 'tier',
      total: 1000,
      groups: [
        { group: 'premium', requests: 300 },
        { group: 'standard', requests: 700 },
      ],
      nextCursor: null,
    });
    expect(reports.byDayOrTier).toHaveProperty('calls', [[RANGE, 'tier', { tier: 'standard' }]]);
  });

  it('totals by day with the total still from the tier rollup', async () => {
    const { service, reports } = world();
    expect(await service.totals(RANGE, 'day', {}, { limit: 10 })).toMatchObject({
      total: 1000,
      groups: [{ group: '2026-03-01', requests: 1000 }],
      nextCursor: null,
    });
    expect(reports.byDayOrTier).toHaveProperty('calls', [
      [RANGE, 'tier', {}],
      [RANGE, 'day', {}],
    ]);
  });

  it('pages developers by id window, planned against today, with a cursor after a full window', async () => {
    const { service, reports } = world();
    const filter = { developerId: 'dev-1' };
    const page = await service.totals(RANGE, 'developer', filter, { limit: 2 });
    expect(page).toMatchObject({ total: 1000, groups: [{ group: 'dev-1', requests: 900 }], nextCursor: usageGroupCursor.encode('developer', 'dev-2') });
    expect(reports.developerWindow).toHaveProperty('calls', [[null, 2, 'dev-1']]);
    expect(reports.byDeveloper).toHaveProperty('calls', [[dayRange.plan(RANGE, NOW), filter, { first: 'dev-1', last: 'dev-2', full: true }]]);
  });

  it('continues key pages after the cursor and ends them when the window was not full', async () => {
    const { service, reports } = world({ window: { first: KEY_ID, last: KEY_ID, full: false } });
    const cursor = usageGroupCursor.encode('key', KEY_ID);
    expect(await service.totals(RANGE, 'key', {}, { cursor, limit: 5 })).toMatchObject({ groups: [{ group: KEY_ID, developerId: 'dev-1' }], nextCursor: null });
    expect(reports.keyWindow).toHaveProperty('calls', [[KEY_ID, 5, undefined]]);
  });

  it('answers no groups past the last id, reading no usage', async () => {
    const { service, reports } = world({ window: null });
    expect(await service.totals(RANGE, 'developer', {}, { limit: 5 })).toMatchObject({ total: 1000, groups: [], nextCursor: null });
    expect(reports.byDeveloper).toHaveProperty('calls', []);
  });

  it('refuses a cursor made for another grouping (400 on `cursor`) before reading a window', async () => {
    const { service, reports } = world();
    await expect(service.totals(RANGE, 'key', {}, { cursor: usageGroupCursor.encode('developer', 'dev-2'), limit: 5 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'cursor', message: 'must be a nextCursor returned for groupBy=key' }],
    });
    expect(reports.keyWindow).toHaveProperty('calls', []);
  });

  it('gives the heaviest developers their share of the quota over every period the range touches', async () => {
    const { service, reports } = world({
      top: [
        // January, February and March: three monthly quotas of 1000.
        row({ developerId: 'dev-1', requests: 1500 }),
        // 55 days of a daily quota of 100.
        row({ developerId: 'dev-2', quotaLimit: 100, quotaPeriod: 'DAY', requests: 1100 }),
        row({ developerId: 'dev-3', quotaLimit: 0, requests: 10 }),
        row({ developerId: 'dev-4', requests: 1 }),
      ],
    });
    const top = await service.top(RANGE, 4);
    expect(top.map((use) => use.share)).toEqual([0.5, 0.2, 0, 0.0003]);
    expect(top[0]).toEqual({
      developerId: 'dev-1',
      email: 'ada@example.com',
      tier: 'standard',
      quota: { limit: 1000, period: 'MONTH' },
      requests: 1500,
      share: 0.5,
    });
    expect(reports.top).toHaveProperty('calls', [[dayRange.runningTotalDays(RANGE), 4]]);
  });

  it("reads each developer's current day, week and month, and shares requests over their quota plus grants", async () => {
    const { service, reports } = world({ utilization: [row({ requests: 900, granted: 200, quotaPeriod: 'WEEK' })] });
    const result = await service.quotaUtilization(0.8, 10);
    expect(result).toEqual({
      threshold: 0.8,
      total: 7,
      items: [
        {
          developerId: 'dev-1',
          email: 'ada@example.com',
          tier: 'standard',
          quota: { limit: 1000, period: 'WEEK' },
          requests: 900,
          granted: 200,
          share: 0.75,
          periodStart: new Date('2026-03-16T00:00:00Z'),
          periodEnd: new Date('2026-03-23T00:00:00Z'),
        },
      ],
    });
    const [periods, threshold, limit] = (reports.utilization as unknown as { calls: unknown[][] }).calls[0]!;
    expect([threshold, limit]).toEqual([0.8, 10]);
    expect(periods).toEqual({
      starts: { day: new Date('2026-03-18T00:00:00Z'), week: new Date('2026-03-16T00:00:00Z'), month: new Date('2026-03-01T00:00:00Z') },
      day: [
        { day: '2026-03-18', sign: 1 },
        { day: '2026-03-17', sign: -1 },
      ],
      week: [
        { day: '2026-03-18', sign: 1 },
        { day: '2026-03-15', sign: -1 },
      ],
      month: [{ day: '2026-03-18', sign: 1 }],
    });
  });
});
