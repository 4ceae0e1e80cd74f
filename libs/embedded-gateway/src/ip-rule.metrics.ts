import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { Metrics } from '@keyport/observability';

/** `keyport_gateway_ip_rule_matches_total{mode}` on the process's registry. */
@Injectable()
export class IpRuleMetrics {
  private readonly matches: Counter<'mode'>;

  constructor(metrics: Metrics) {
    this.matches = new Counter({
      name: 'keyport_gateway_ip_rule_matches_total',
      help: "Requests over the embedded gateway's IP rate rule, by the rule's mode (count: admitted; block: refused)",
      labelNames: ['mode'] as const,
      registers: [metrics.registry],
    });
  }

  matched(mode: string, count = 1): void {
    this.matches.inc({ mode }, count);
  }
}
