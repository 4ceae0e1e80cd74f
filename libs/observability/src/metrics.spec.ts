import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics';

describe('Metrics', () => {
  it('reports outbox depth and age from the collector at each scrape, and named outcomes', async () => {
    const metrics = new Metrics();
    const now = Date.now();
    metrics.onCollect(async () => metrics.outboxSnapshot({ pending: 3, dead: 1, oldestPendingAt: new Date(now - 90_000) }, now));
    metrics.onCollect(async () => {
      throw new Error('database away');
    });
    metrics.gatewayAdmission('admitted');
    metrics.gatewayAdmission('quota_exceeded');
    metrics.webhookOutcome('processed');
    metrics.httpRequest('GET', '/v1/keys/:id', 200, 0.004);
    const text = await metrics.render();
    expect(text).toContain('keyport_outbox_pending 3');
    expect(text).toContain('keyport_outbox_dead 1');
    expect(text).toContain('keyport_outbox_oldest_pending_age_seconds 90');
    expect(text).toContain('keyport_gateway_admissions_total{outcome="quota_exceeded"} 1');
    expect(text).toContain('keyport_webhook_events_total{outcome="processed"} 1');
    expect(text).toContain('keyport_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/v1/keys/:id",status="200"} 1');
  });

  it('keeps counting gateway admissions across scrapes (counted as numbers, published at each scrape)', async () => {
    const metrics = new Metrics();
    metrics.gatewayAdmission('admitted');
    metrics.gatewayAdmission('admitted');
    expect(await metrics.render()).toContain('keyport_gateway_admissions_total{outcome="admitted"} 2');
    expect(await metrics.render()).toContain('keyport_gateway_admissions_total{outcome="admitted"} 2');
    metrics.gatewayAdmission('admitted');
    metrics.gatewayAdmission('throttled');
    const text = await metrics.render();
    expect(text).toContain('keyport_gateway_admissions_total{outcome="admitted"} 3');
    expect(text).toContain('keyport_gateway_admissions_total{outcome="throttled"} 1');
  });
});
