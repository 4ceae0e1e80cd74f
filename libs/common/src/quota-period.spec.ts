import { describe, expect, it } from 'vitest';
import { quotaWindow } from './quota-period';

describe('quotaWindow', () => {
  const at = new Date('2026-11-25T21:30:00Z'); // a Wednesday

  it('counts days, Monday-based weeks and months on UTC boundaries', () => {
    expect(quotaWindow('DAY', at)).toEqual({ start: new Date('2026-11-25T00:00:00Z'), end: new Date('2026-11-26T00:00:00Z') });
    expect(quotaWindow('WEEK', at)).toEqual({ start: new Date('2026-11-23T00:00:00Z'), end: new Date('2026-11-30T00:00:00Z') });
    expect(quotaWindow('MONTH', at)).toEqual({ start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-12-01T00:00:00Z') });
  });

  it('rolls over the year and handles a Sunday', () => {
    expect(quotaWindow('MONTH', new Date('2026-12-31T23:59:59Z')).end).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(quotaWindow('WEEK', new Date('2026-11-29T12:00:00Z')).start).toEqual(new Date('2026-11-23T00:00:00Z'));
  });
});
