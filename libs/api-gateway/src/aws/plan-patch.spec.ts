import { describe, expect, it } from 'vitest';
import { planPatch } from './plan-patch';

describe('planPatch', () => {
  const settings = { name: 'keyport-standard', throttle: { rateLimit: 100, burstLimit: 200 }, quota: { limit: 1000, period: 'MONTH' as const }, tags: {} };
  const plan = {
    id: 'p1',
    name: 'keyport-standard',
    throttle: { rateLimit: 100, burstLimit: 200 },
    quota: { limit: 1000, period: 'MONTH' as const },
    apiStages: ['api1:prod'],
    tags: {},
  };

  it('is empty when the plan already matches, so a replayed sync spends no UpdateUsagePlan', () => {
    expect(planPatch(plan, settings, ['api1:prod'])).toEqual([]);
  });

  it('replaces what differs and adds and removes API stages', () => {
    expect(planPatch({ ...plan, throttle: { rateLimit: 5, burstLimit: 200 }, quota: null, apiStages: ['api1:old'] }, settings, ['api1:prod'])).toEqual([
      { op: 'replace', path: '/throttle/rateLimit', value: '100' },
      { op: 'replace', path: '/quota/limit', value: '1000' },
      { op: 'replace', path: '/quota/period', value: 'MONTH' },
      { op: 'add', path: '/apiStages', value: 'api1:prod' },
      { op: 'remove', path: '/apiStages', value: 'api1:old' },
    ]);
  });
});
