import { describe, expect, it } from 'vitest';
import { ApiKeyCodec } from '@keyport/keys';
import { RandomSource } from '@keyport/common';
import { Admission } from './admission';
import { type GatewayClock } from './gateway-clock';
import { GatewayResponse } from './gateway-response';
import { type GatewayKeyRow } from './gateway-snapshot';
import { GatewayState } from './gateway-state';
import { UsageLedger } from './usage-ledger';
import { UtcCalendar } from './utc-calendar';

const NOW = Date.parse('2026-11-25T12:00:00Z');

class FixedClock {
  ms = NOW;
  nowMs(): number {
    return this.ms;
  }
}

/** A state whose lookups are counted, to prove what is refused before any lookup. */
class CountingState extends GatewayState {
  lookups = 0;
  override find(valueHash: string) {
    this.lookups++;
    return super.find(valueHash);
  }
}

function setUp(overrides: Partial<GatewayKeyRow> = {}) {
  const value = new ApiKeyCodec(new RandomSource()).generate().value;
  const clock = new FixedClock();
  const ledger = new UsageLedger();
  const state = new CountingState(ledger, clock as GatewayClock);
  state.replace([
    {
      gatewayKeyId: 'gk1',
      valueHash: ApiKeyCodec.hash(value),
      enabled: true,
      keyId: 'k1',
      developerId: 'dev-1',
      lineageId: 'k1',
      applicationId: null,
      createdAtMs: 0,
      plan: { id: 'p1', rateLimit: 1, burstLimit: 2, quotaLimit: 3, quotaPeriod: 'MONTH' },
      quotaAdjustment: 0,
      adjustedPeriodStart: null,
      expiresAtMs: null,
      ...overrides,
    },
  ]);
  return { value, clock, state, ledger, admission: new Admission(state, new UtcCalendar(), clock as GatewayClock) };
}

describe('Admission', () => {
  it('refuses malformed and oversize keys with 403 without a lookup', () => {
    const { value, state, admission } = setUp();
    const lastChar = value.endsWith('A') ? 'B' : 'A';
    for (const bad of [undefined, '', ['a', 'b'], `xx${value.slice(2)}`, value.slice(0, -1) + lastChar, value + 'A'.repeat(10_000)]) {
      expect(admission.check(bad)).toBe(GatewayResponse.forbidden);
    }
    expect(state.lookups).toBe(0);
  });

  it('tells a caller who proved who they are that the key is missing; without identity, a bare 403 as API Gateway', () => {
    const { admission } = setUp();
    expect(admission.check(undefined, 'dev-1')).toBe(GatewayResponse.keyMissing);
    expect(admission.check(undefined)).toBe(GatewayResponse.forbidden);
  });

  it('refuses an unknown, disabled or planless key with 403', () => {
    const unknown = new ApiKeyCodec(new RandomSource()).generate().value;
    expect(setUp().admission.check(unknown)).toBe(GatewayResponse.forbidden);
    const disabled = setUp({ enabled: false });
    expect(disabled.admission.check(disabled.value)).toBe(GatewayResponse.forbidden);
    const planless = setUp({ plan: null });
    expect(planless.admission.check(planless.value)).toBe(GatewayResponse.forbidden);
  });

  it('refuses a key with 403 from the instant it expires, without counting it', () => {
    const { value, clock, ledger, admission } = setUp({ expiresAtMs: NOW + 1_000 });
    expect(admission.check(value)).toMatchObject({ keyId: 'k1' });
    clock.ms = NOW + 1_000;
    expect(admission.check(value)).toBe(GatewayResponse.forbidden);
    expect(ledger.pendingIncrements()).toEqual([{ keyId: 'k1', developerId: 'dev-1', day: '2026-11-25', requests: 1 }]);
  });

  it('throttles before it counts, and refuses with Limit Exceeded once the quota is used', () => {
    const { value, clock, ledger, admission } = setUp();
    expect(admission.check(value)).toMatchObject({ keyId: 'k1' });
    expect(admission.check(value)).toMatchObject({ keyId: 'k1' });
    expect(admission.check(value)).toBe(GatewayResponse.throttled);
    clock.ms += 1_000;
    expect(admission.check(value)).toMatchObject({ keyId: 'k1' });
    clock.ms += 1_000;
    expect(admission.check(value)).toBe(GatewayResponse.quotaExceeded);
    expect(ledger.pendingIncrements()).toEqual([{ keyId: 'k1', developerId: 'dev-1', day: '2026-11-25', requests: 3 }]);
  });

  it('adds a quota adjustment made for the current period only', () => {
    const current = setUp({
      quotaAdjustment: 2,
      adjustedPeriodStart: '2026-11-01',
      plan: { id: 'p1', rateLimit: 100, burstLimit: 100, quotaLimit: 1, quotaPeriod: 'MONTH' },
    });
    expect([1, 2, 3, 4].map(() => current.admission.check(current.value) instanceof GatewayResponse)).toEqual([false, false, false, true]);
    const stale = setUp({
      quotaAdjustment: 2,
      adjustedPeriodStart: '2026-10-01',
      plan: { id: 'p1', rateLimit: 100, burstLimit: 100, quotaLimit: 1, quotaPeriod: 'MONTH' },
    });
    expect([1, 2].map(() => stale.admission.check(stale.value) instanceof GatewayResponse)).toEqual([false, true]);
  });

  it('keeps a key throttle state across a reload of the same plan', () => {
    const { value, state, admission } = setUp();
    admission.check(value);
    admission.check(value);
    state.replace([{ ...(state.find(ApiKeyCodec.hash(value)) as GatewayKeyRow) }]);
    expect(admission.check(value)).toBe(GatewayResponse.throttled);
  });

  it("GATEWAY_API_KEY_SOURCE=AUTHORIZER: an application's newest managed key, a person's oldest own key, none is 403", () => {
    const { value, state, admission } = setUp();
    const row = state.find(ApiKeyCodec.hash(value)) as GatewayKeyRow;
    const plan = { id: 'p1', rateLimit: 100, burstLimit: 100, quotaLimit: 100, quotaPeriod: 'MONTH' as const };
    const key = (keyId: string, createdAtMs: number, more: Partial<GatewayKeyRow> = {}): GatewayKeyRow => ({
      ...row,
      gatewayKeyId: `g-${keyId}`,
      valueHash: `h-${keyId}`,
      keyId,
      lineageId: keyId,
      createdAtMs,
      plan,
      ...more,
    });
    state.replace([
      key('own-new', 3),
      key('own-old', 1),
      key('own-older-disabled', 0, { enabled: false }),
      key('managed-old', 1, { applicationId: 'app-1' }),
      key('managed-new', 2, { applicationId: 'app-1' }),
      key('other', 0, { developerId: 'dev-2' }),
    ]);
    expect(admission.checkFor({ developerId: 'dev-1', applicationId: 'app-1' })).toMatchObject({ keyId: 'managed-new' });
    expect(admission.checkFor({ developerId: 'dev-1', applicationId: null })).toMatchObject({ keyId: 'own-old' });
    // An application of another developer, and a developer without a key.
    expect(admission.checkFor({ developerId: 'dev-2', applicationId: 'app-1' })).toBe(GatewayResponse.forbidden);
    expect(admission.checkFor({ developerId: 'dev-3', applicationId: null })).toBe(GatewayResponse.personNotMetered);
    state.forget('managed-new');
    expect(admission.checkFor({ developerId: 'dev-1', applicationId: 'app-1' })).toMatchObject({ keyId: 'managed-old' });
  });
});
