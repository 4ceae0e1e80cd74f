import { describe, expect, it } from 'vitest';
import { UtcCalendar } from './utc-calendar';

describe('UtcCalendar', () => {
  it('gives the UTC day and period starts, and rolls over at UTC midnight', () => {
    const calendar = new UtcCalendar();
    const sunday = Date.parse('2026-11-29T23:59:59.999Z');
    expect(calendar.day(sunday)).toBe('2026-11-29');
    expect(calendar.periodStart('DAY', sunday)).toBe('2026-11-29');
    expect(calendar.periodStart('WEEK', sunday)).toBe('2026-11-23');
    expect(calendar.periodStart('MONTH', sunday)).toBe('2026-11-01');
    expect(calendar.earliestPeriodStart(sunday)).toBe('2026-11-01');

    const monday = sunday + 1;
    expect(calendar.day(monday)).toBe('2026-11-30');
    expect(calendar.periodStart('WEEK', monday)).toBe('2026-11-30');
    expect(calendar.periodStart('MONTH', Date.parse('2026-12-01T00:00:00Z'))).toBe('2026-12-01');
    // A week that began in the previous month reaches further back than the month.
    expect(calendar.earliestPeriodStart(Date.parse('2026-12-02T10:00:00Z'))).toBe('2026-11-30');
  });

  it('follows the clock backwards too', () => {
    const calendar = new UtcCalendar();
    expect(calendar.day(Date.parse('2026-11-25T10:00:00Z'))).toBe('2026-11-25');
    expect(calendar.day(Date.parse('2026-11-24T10:00:00Z'))).toBe('2026-11-24');
  });
});
