import { hashKeyValue, isWellFormedApiKey } from '@keyport/common';
import { GatewayClock } from './gateway-clock';
import { GatewayResponse } from './gateway-response';
import { type GatewayKeyEntry } from './gateway-snapshot';
import { GatewayState } from './gateway-state';
import { UtcCalendar } from './utc-calendar';

/**
 * API Gateway's admission for one request, in its order: the key (403, also from its expiry on), the plan's throttle (429
 * Too Many Requests), the quota of the current period (429 Limit Exceeded). An admitted request
 * is counted at once. Memory only: no I/O on this path.
 */
export class Admission {
  constructor(
    private readonly state: GatewayState,
    private readonly calendar: UtcCalendar,
    private readonly clock: GatewayClock,
  ) {}

  /** `ownerId`: with identity on, the developer the caller authenticated as; a key of anyone else is 403. */
  check(apiKey: string | string[] | undefined, ownerId?: string): GatewayKeyEntry | GatewayResponse {
    // API Gateway says a bare Forbidden; a caller who proved who they are is told what is missing.
    if (apiKey === undefined && ownerId !== undefined) return GatewayResponse.keyMissing;
    // Shape and checksum first: a malformed or oversize value is refused without hashing or a lookup.
    if (typeof apiKey !== 'string' || !isWellFormedApiKey(apiKey)) return GatewayResponse.forbidden;
    const key = this.state.find(hashKeyValue(apiKey));
    if (!key || !key.enabled || !key.plan) return GatewayResponse.forbidden;
    // Before throttle and quota: someone else's token must not spend this key's requests.
    if (ownerId !== undefined && key.developerId !== ownerId) return GatewayResponse.forbidden;
    return this.admit(key);
  }

  /**
   * GATEWAY_API_KEY_SOURCE=AUTHORIZER: the key comes from the caller's identity (the application's
   * managed key, or the person's oldest key), not from a header; then the throttle and the quota.
   */
  checkFor(caller: { developerId: string; applicationId: string | null }): GatewayKeyEntry | GatewayResponse {
    const key = caller.applicationId ? this.state.managedKeyOf(caller.applicationId) : this.state.oldestKeyOf(caller.developerId);
    if (!key && !caller.applicationId) return GatewayResponse.personNotMetered;
    if (!key || key.developerId !== caller.developerId) return GatewayResponse.forbidden;
    return this.admit(key);
  }

  private admit(key: GatewayKeyEntry): GatewayKeyEntry | GatewayResponse {
    const plan = key.plan;
    if (!key.enabled || !plan) return GatewayResponse.forbidden;
    const now = this.clock.nowMs();
    // From its expiry on, a key is refused as a revoked one is, whether or not the sweep has deleted it yet.
    if (key.expiresAtMs !== null && now >= key.expiresAtMs) return GatewayResponse.forbidden;
    if (!key.bucket.take(now, plan.rateLimit, plan.burstLimit)) return GatewayResponse.throttled;
    const periodStart = this.calendar.periodStart(plan.quotaPeriod, now);
    const limit = plan.quotaLimit + (key.adjustedPeriodStart === periodStart ? key.quotaAdjustment : 0);
    if (key.usage.lineage.usedSince(periodStart) >= limit) return GatewayResponse.quotaExceeded;
    key.usage.count(this.calendar.day(now));
    return key;
  }
}
