import { describe, expect, it } from 'vitest';
import { type GatewayDecision } from '@keyport/gateway-decision';
import { CallerDecisions } from './caller-decisions';
import { type GatewayClock } from './gateway-clock';

const ALLOWED: GatewayDecision = { allow: true, developerId: 'dev-1', applicationId: null, scopes: [] };
const FORBIDDEN: GatewayDecision = { allow: false, refusal: 'forbidden' };

function setUp() {
  const clock = { ms: 1_000_000, nowMs: () => clock.ms };
  const asked: { id: number; authorization: string }[] = [];
  const decisions = new CallerDecisions((id, authorization) => asked.push({ id, authorization }), clock as GatewayClock);
  return { clock, asked, decisions };
}

describe("CallerDecisions, the gateway thread's memory of the main thread's token decisions", () => {
  it('refuses a missing or malformed header without asking; asks once for a burst of one new token, then decides from memory', async () => {
    const { asked, decisions } = setUp();
    expect(decisions.decideNow(undefined)).toEqual({ allow: false, refusal: 'unauthorized' });
    expect(decisions.decideNow('Basic abc')).toEqual({ allow: false, refusal: 'unauthorized' });
    expect(decisions.decideNow('Bearer t1')).toBeUndefined();
    const burst = [decisions.decide('Bearer t1'), decisions.decide('Bearer t1')];
    expect(asked).toEqual([{ id: 1, authorization: 'Bearer t1' }]);
    decisions.answered(1, ALLOWED, 1_000_500);
    expect(await Promise.all(burst)).toEqual([ALLOWED, ALLOWED]);
    expect(decisions.decideNow('Bearer t1')).toEqual(ALLOWED);
  });

  it('keeps a decision until the time the main thread gave, and not at all when it gave none', () => {
    const { clock, decisions } = setUp();
    void decisions.decide('Bearer t1');
    decisions.answered(1, ALLOWED, clock.ms + 500);
    void decisions.decide('Bearer t2');
    decisions.answered(2, FORBIDDEN, 0);
    expect(decisions.decideNow('Bearer t2')).toBeUndefined();
    clock.ms += 499;
    expect(decisions.decideNow('Bearer t1')).toEqual(ALLOWED);
    clock.ms += 1;
    expect(decisions.decideNow('Bearer t1')).toBeUndefined();
  });

  it('drops every decision when a caller changes, and does not keep an answer asked before the change', async () => {
    const { clock, decisions } = setUp();
    void decisions.decide('Bearer kept');
    decisions.answered(1, ALLOWED, clock.ms + 1000);
    const askedBefore = decisions.decide('Bearer late');
    decisions.forgetAll();
    expect(decisions.decideNow('Bearer kept')).toBeUndefined();
    decisions.answered(2, ALLOWED, clock.ms + 1000);
    expect(await askedBefore).toEqual(ALLOWED); // its own request is served with it
    expect(decisions.decideNow('Bearer late')).toBeUndefined(); // but it may predate the change: never kept
  });

  it('hands a failed decision (null) to the request, and keeps nothing', async () => {
    const { clock, decisions } = setUp();
    const failed = decisions.decide('Bearer t1');
    decisions.answered(1, null, clock.ms + 1000);
    expect(await failed).toBeNull();
    expect(decisions.decideNow('Bearer t1')).toBeUndefined();
  });
});

describe('CallerDecisions refreshing a kept decision', () => {
  it('asks again in the background three quarters into its time, serving the kept decision meanwhile, and keeps the new answer', () => {
    const { clock, asked, decisions } = setUp();
    void decisions.decide('Bearer t1');
    decisions.answered(1, ALLOWED, clock.ms + 1000);
    clock.ms += 749;
    expect(decisions.decideNow('Bearer t1')).toEqual(ALLOWED);
    expect(asked).toHaveLength(1);
    clock.ms += 1;
    expect(decisions.decideNow('Bearer t1')).toEqual(ALLOWED);
    expect(decisions.decideNow('Bearer t1')).toEqual(ALLOWED);
    expect(asked).toHaveLength(2); // one refresh for any number of requests
    decisions.answered(2, FORBIDDEN, clock.ms + 1000);
    expect(decisions.decideNow('Bearer t1')).toEqual(FORBIDDEN);
  });

  it('never serves a decision past its time, refresh or not', () => {
    const { clock, decisions } = setUp();
    void decisions.decide('Bearer t1');
    decisions.answered(1, ALLOWED, clock.ms + 1000);
    clock.ms += 800;
    expect(decisions.decideNow('Bearer t1')).toEqual(ALLOWED); // refresh asked, not answered yet
    clock.ms += 200;
    expect(decisions.decideNow('Bearer t1')).toBeUndefined();
  });
});
