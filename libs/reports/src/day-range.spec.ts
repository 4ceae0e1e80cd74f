import { describe, expect, it } from 'vitest';
import { DomainError } from '@keyport/common';
import { dayRange } from './day-range';

const today = new Date('2026-11-25T15:00:00Z');

describe('dayRange.parse', () => {
  it('defaults to the last 30 days and accepts up to 366 days', () => {
    expect(dayRange.parse(undefined, undefined, today)).toEqual({ from: '2026-10-27', to: '2026-11-25' });
    expect(dayRange.parse('2025-11-25', '2026-11-25', today)).toEqual({ from: '2025-11-25', to: '2026-11-25' });
  });

  it('refuses 367 days, reversed ranges and impossible dates', () => {
    for (const [from, to] of [
      ['2025-11-24', '2026-11-25'],
      ['2026-11-02', '2026-11-01'],
      ['2026-02-30', '2026-03-01'],
      ['20261101', '2026-11-02'],
    ]) {
      expect(() => dayRange.parse(from, to, today)).toThrow(DomainError);
    }
  });
});

describe('dayRange.plan', () => {
  it('takes whole months from the monthly rollup and edges from the daily one', () => {
    expect(dayRange.plan({ from: '2026-09-01', to: '2026-10-31' }, today)).toEqual({ months: ['2026-09-01', '2026-10-01'], add: [], subtract: [] });
    expect(dayRange.plan({ from: '2026-08-28', to: '2026-11-25' }, today)).toEqual({
      months: ['2026-09-01', '2026-10-01', '2026-11-01'],
      add: [{ from: '2026-08-28', to: '2026-08-31' }],
      subtract: [{ from: '2026-11-26', to: '2026-11-30' }],
    });
  });

  it('subtracts the outside days when most of a past month is inside', () => {
    expect(dayRange.plan({ from: '2026-09-03', to: '2026-09-30' }, today)).toEqual({
      months: ['2026-09-01'],
      add: [],
      subtract: [{ from: '2026-09-01', to: '2026-09-02' }],
    });
    expect(dayRange.plan({ from: '2026-09-10', to: '2026-09-12' }, today)).toEqual({
      months: [],
      add: [{ from: '2026-09-10', to: '2026-09-12' }],
      subtract: [],
    });
  });
});

describe('dayRange.runningTotalDays', () => {
  it('adds the total through the last day of each month and subtracts the one before the first day', () => {
    expect(dayRange.runningTotalDays({ from: '2026-08-28', to: '2026-11-25' })).toEqual([
      { day: '2026-08-31', sign: 1 },
      { day: '2026-08-27', sign: -1 },
      { day: '2026-09-30', sign: 1 },
      { day: '2026-10-31', sign: 1 },
      { day: '2026-11-25', sign: 1 },
    ]);
    expect(dayRange.runningTotalDays({ from: '2026-09-01', to: '2026-09-01' })).toEqual([{ day: '2026-09-01', sign: 1 }]);
    expect(dayRange.runningTotalDays({ from: '2026-09-12', to: '2026-09-20' })).toEqual([
      { day: '2026-09-20', sign: 1 },
      { day: '2026-09-11', sign: -1 },
    ]);
  });
});
