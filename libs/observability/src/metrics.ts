import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type GatewayAdmissionOutcome = 'admitted' | (string & {});
export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored' | 'invalid_signature' | 'failed' | (string & {});

export interface OutboxSnapshot {
  pending: number;
  oldestPendingAt: Date | null;
  dead: number;
}

/**
 * Every Prometheus series Keyport exposes, behind named methods: features say what happened
 * (`driverCall('createApiKey', true, 0.02)`) and never touch prom-client. One registry per
 * instance, so several apps in one process (the tests) do not collide.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'keyport_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly driverCalls = new Counter({
    name: 'keyport_gateway_driver_calls_total',
    help: 'Calls to the gateway driver by operation and result',
    labelNames: ['driver', 'operation', 'result'] as const,
    registers: [this.registry],
  });
  private readonly driverDuration = new Histogram({
    name: 'keyport_gateway_driver_call_duration_seconds',
    help: 'Gateway driver call latency by operation',
    labelNames: ['driver', 'operation'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  /** Counted per request as plain numbers, handed to prom-client at scrape time (its `inc` hashes the labels on every call). */
  private readonly admissionCounts = new Map<string, number>();
  private readonly admissions: Counter<'outcome'> = new Counter({
    name: 'keyport_gateway_admissions_total',
    help: 'Requests at the embedded gateway by outcome: admitted, or the refusal reason',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
    collect: () => {
      for (const [outcome, count] of this.admissionCounts) this.admissions.inc({ outcome }, count);
      this.admissionCounts.clear();
    },
  });
  private readonly webhooks = new Counter({
    name: 'keyport_webhook_events_total',
    help: 'Incoming webhook events by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly outboxItems = new Counter({
    name: 'keyport_outbox_items_total',
    help: 'Outbox items handled by this process, by type and result (done, retry, dead)',
    labelNames: ['type', 'result'] as const,
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: 'keyport_rate_limited_total',
    help: 'Requests refused with 429 by the portal itself, by limit (auth, user)',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  private readonly outboxPending = new Gauge({ name: 'keyport_outbox_pending', help: 'Outbox items waiting to be applied', registers: [this.registry] });
  private readonly outboxDead = new Gauge({ name: 'keyport_outbox_dead', help: 'Outbox items parked after permanent failure', registers: [this.registry] });
  private readonly outboxAge = new Gauge({
    name: 'keyport_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest pending outbox item (0 when none)',
    registers: [this.registry],
  });
  private readonly collectors: Array<() => Promise<void>> = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'keyport_' });
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  driverCall(driver: string, operation: string, ok: boolean, seconds: number): void {
    this.driverCalls.inc({ driver, operation, result: ok ? 'ok' : 'error' });
    this.driverDuration.observe({ driver, operation }, seconds);
  }

  /** The embedded gateway's decisions: `admitted`, or why it refused (`invalid_key`, `quota_exceeded`, `throttled`, ...); `count` of them. */
  gatewayAdmission(outcome: GatewayAdmissionOutcome, count = 1): void {
    this.admissionCounts.set(outcome, (this.admissionCounts.get(outcome) ?? 0) + count);
  }

  webhookOutcome(outcome: WebhookOutcome): void {
    this.webhooks.inc({ outcome });
  }

  outboxItem(type: string, result: 'done' | 'retry' | 'dead'): void {
    this.outboxItems.inc({ type, result });
  }

  rateLimit(limit: string): void {
    this.rateLimited.inc({ limit });
  }

  outboxSnapshot(snapshot: OutboxSnapshot, now = Date.now()): void {
    this.outboxPending.set(snapshot.pending);
    this.outboxDead.set(snapshot.dead);
    this.outboxAge.set(snapshot.oldestPendingAt ? Math.max(0, (now - snapshot.oldestPendingAt.getTime()) / 1000) : 0);
  }

  /** Runs before every scrape (e.g. to read the outbox's depth); a failing collector does not fail the scrape. */
  onCollect(collector: () => Promise<void>): void {
    this.collectors.push(collector);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async render(): Promise<string> {
    await Promise.all(this.collectors.map((collect) => collect().catch(() => undefined)));
    return this.registry.metrics();
  }
}
