import { Injectable } from '@nestjs/common';
import { isoDay } from '@keyport/common';
import { Db } from '@keyport/db';
import { GATEWAY_TAG as TAG } from '../plan-owner';
import { type LocalGatewayKey } from './local-gateway-snapshot';

/**
 * What the embedded gateway enforces, read from the local driver's tables (which this lib owns):
 * the whole state, or a cheap fingerprint of it. Committed rows only, off the request path: never
 * through a caller's transaction, since a load may outlive the one that woke it.
 */
@Injectable()
export class LocalGatewaySnapshotReader {
  constructor(private readonly db: Db) {}

  async load(): Promise<LocalGatewayKey[]> {
    const keys = await this.db.committed.gatewayApiKey.findMany({
      include: { plans: { include: { plan: true }, orderBy: { createdAt: 'desc' }, take: 1 } },
    });
    const rows: LocalGatewayKey[] = [];
    for (const key of keys) {
      const tags = (key.tags ?? {}) as Record<string, string>;
      // Only Keyport's keys carry the ids usage is recorded under; anything else is not ours to admit.
      if (!tags[TAG.key] || !tags[TAG.developer]) continue;
      const membership = key.plans.at(0);
      rows.push({
        gatewayKeyId: key.id,
        valueHash: key.valueHash,
        enabled: key.enabled,
        keyId: tags[TAG.key],
        developerId: tags[TAG.developer],
        lineageId: tags[TAG.lineage] ?? tags[TAG.key],
        applicationId: tags[TAG.application] ?? null,
        createdAtMs: key.createdAt.getTime(),
        plan: membership
          ? {
              id: membership.plan.id,
              rateLimit: membership.plan.rateLimit,
              burstLimit: membership.plan.burstLimit,
              quotaLimit: membership.plan.quotaLimit,
              quotaPeriod: membership.plan.quotaPeriod,
            }
          : null,
        quotaAdjustment: membership?.quotaAdjustment ?? 0,
        adjustedPeriodStart: membership?.adjustedPeriodStart ? isoDay(membership.adjustedPeriodStart) : null,
        expiresAtMs: expiryOf(tags[TAG.expires]),
      });
    }
    return rows;
  }

  /** Changes whenever a key, plan or membership (quota adjustments included) changes, whoever wrote it. */
  async fingerprint(): Promise<string> {
    const rows = await this.db.committed.$queryRaw<Array<{ fingerprint: string }>>`
      SELECT concat_ws('|',
        (SELECT md5(coalesce(string_agg(id || ':' || updated_at::text, ',' ORDER BY id), '')) FROM gateway_api_keys),
        (SELECT md5(coalesce(string_agg(id || ':' || updated_at::text, ',' ORDER BY id), '')) FROM gateway_usage_plans),
        (SELECT md5(coalesce(string_agg(plan_id || ':' || key_id || ':' || quota_adjustment::text || ':'
          || coalesce(adjusted_period_start::text, ''), ',' ORDER BY plan_id, key_id), '')) FROM gateway_usage_plan_keys)
      ) AS fingerprint`;
    return rows[0]?.fingerprint ?? '';
  }
}

/** A tag that is not a date-time is read as no expiry: the sweep still revokes the key on Keyport's own record. */
function expiryOf(tag: string | undefined): number | null {
  const ms = tag ? Date.parse(tag) : NaN;
  return Number.isNaN(ms) ? null : ms;
}
