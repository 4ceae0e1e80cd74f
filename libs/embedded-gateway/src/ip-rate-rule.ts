import type { GatewayIpRuleSettings } from '@keyport/config';
import { type GatewayClock } from './gateway-clock';

/** Beyond this many addresses in one window, new ones are not tracked (memory stays bounded under a spray of addresses). */
const MAX_TRACKED_ADDRESSES = 200_000;

export type IpRuleVerdict = 'within' | 'counted' | 'blocked';

/** Where the rule reports a match: a metric, and one warning per address and window. */
export interface IpRuleReport {
  matched(mode: 'count' | 'block'): void;
  warn(message: string): void;
}

/**
 * The embedded gateway's WAF-style rate rule (GATEWAY_IP_RATE_LIMIT per GATEWAY_IP_RATE_WINDOW per
 * client IP): requests over the limit are only counted and logged in `count` mode and refused in
 * `block` mode, as an AWS WAF rate-based rule does. Fixed windows, in memory, per process.
 */
export class IpRateRule {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly rule: GatewayIpRuleSettings | null,
    private readonly clock: GatewayClock,
    private readonly report: IpRuleReport,
  ) {}

  /** Off when GATEWAY_IP_RATE_LIMIT is unset: the gateway then skips working out the client IP. */
  get enabled(): boolean {
    return this.rule !== null;
  }

  observe(ip: string): IpRuleVerdict {
    const rule = this.rule;
    if (!rule) return 'within';
    const now = this.clock.nowMs();
    if (now - this.windowStart >= rule.windowMs) {
      this.windowStart = now - (now % rule.windowMs);
      this.counts = new Map();
    }
    const seen = this.counts.get(ip);
    if (seen === undefined && this.counts.size >= MAX_TRACKED_ADDRESSES) return 'within';
    const count = (seen ?? 0) + 1;
    this.counts.set(ip, count);
    if (count <= rule.limit) return 'within';
    this.report.matched(rule.mode);
    // One line per address and window: a flood must not flood the log too.
    if (count === rule.limit + 1) {
      this.report.warn(
        `IP rule (${rule.mode} mode) matched ${ip}: over ${rule.limit} requests in ${rule.windowMs / 1000}s${rule.mode === 'count' ? '; admitted' : '; refused with 403'}`,
      );
    }
    return rule.mode === 'block' ? 'blocked' : 'counted';
  }
}
