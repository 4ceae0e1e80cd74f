import { Injectable } from '@nestjs/common';
import { Db, type TierRow } from '@keyport/db';
import { type Tier, type TierChanges } from './tier';

/**
 * The only class that reads or writes `tiers`. Other libs' SQL reads a tier's quota through the view
 * `reporting_tiers` (migration `reporting_views`): keep its columns.
 */
@Injectable()
export class TiersRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<Tier[]> {
    const rows = await this.db.client.tier.findMany({ orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }] });
    return rows.map(toTier);
  }

  async find(slug: string): Promise<Tier | null> {
    const row = await this.db.client.tier.findUnique({ where: { slug } });
    return row ? toTier(row) : null;
  }

  /** Inserts tiers that do not exist yet; never overwrites an admin's edits. */
  async insertMissing(tiers: readonly Tier[]): Promise<void> {
    await this.db.client.tier.createMany({
      data: tiers.map((tier, index) => ({ ...toRow(tier), sortOrder: index })),
      skipDuplicates: true,
    });
  }

  async update(slug: string, changes: TierChanges): Promise<Tier> {
    const row = await this.db.client.tier.update({
      where: { slug },
      data: {
        name: changes.name,
        rateLimit: changes.throttle?.rateLimit,
        burstLimit: changes.throttle?.burstLimit,
        quotaLimit: changes.quota?.limit,
        quotaPeriod: changes.quota?.period,
        stripePriceId: changes.stripePriceId,
      },
    });
    return toTier(row);
  }
}

function toTier(row: TierRow): Tier {
  return {
    slug: row.slug,
    name: row.name,
    throttle: { rateLimit: row.rateLimit, burstLimit: row.burstLimit },
    quota: { limit: row.quotaLimit, period: row.quotaPeriod },
    stripePriceId: row.stripePriceId,
  };
}

function toRow(tier: Tier) {
  return {
    slug: tier.slug,
    name: tier.name,
    rateLimit: tier.throttle.rateLimit,
    burstLimit: tier.throttle.burstLimit,
    quotaLimit: tier.quota.limit,
    quotaPeriod: tier.quota.period,
    stripePriceId: tier.stripePriceId,
  };
}
