import { Injectable } from '@nestjs/common';
import { type QuotaPeriodName } from '@keyport/common';
import { Db, Prisma } from '@keyport/db';
import { type DayRange, type RangePlan } from './day-range';
import { type UsageFilter } from './usage-report';

interface GroupRow {
  grp: string;
  developer_id: string | null;
  requests: bigint;
}

export interface DeveloperTotalRow {
  developerId: string;
  email: string;
  tier: string;
  quotaLimit: number;
  quotaPeriod: QuotaPeriodName;
  requests: number;
}

export interface PeriodStarts {
  day: Date;
  week: Date;
  weekEnd: Date;
  month: Date;
}

export interface UtilizationRow extends DeveloperTotalRow {
  granted: number;
}

/**
 * Usage reports in SQL over the rollups the usage_daily trigger keeps (see the migration
 * `admin_reports_rollups`): per tier and day, per developer and day, per key and month.
 */
@Injectable()
export class UsageReportsRepository {
  constructor(private readonly db: Db) {}

  /** Totals per day or per tier, read from the smallest rollup that can answer. */
  async byDayOrTier(range: DayRange, groupBy: 'day' | 'tier', filter: UsageFilter): Promise<Array<{ group: string; requests: number }>> {
    const table = filter.developerId === undefined ? Prisma.sql`usage_tier_daily` : Prisma.sql`usage_developer_daily`;
    const group = groupBy === 'day' ? Prisma.sql`to_char(day, 'YYYY-MM-DD')` : Prisma.sql`tier_slug`;
    const rows = await this.db.client.$queryRaw<GroupRow[]>(Prisma.sql`
      SELECT ${group} AS grp, NULL AS developer_id, sum(requests)::bigint AS requests FROM ${table}
      WHERE day BETWEEN ${range.from}::date AND ${range.to}::date ${filterSql(filter)}
      GROUP BY 1 HAVING sum(requests) <> 0 ORDER BY 1`);
    return rows.map((row) => ({ group: row.grp, requests: Number(row.requests) }));
  }

  async byDeveloper(plan: RangePlan, filter: UsageFilter): Promise<Array<{ group: string; requests: number }>> {
    const rows = await this.db.client.$queryRaw<GroupRow[]>(Prisma.sql`
      SELECT developer_id AS grp, NULL AS developer_id, sum(r)::bigint AS requests FROM (${developerParts(plan, filter)}) parts
      GROUP BY developer_id HAVING sum(r) <> 0 ORDER BY developer_id`);
    return rows.map((row) => ({ group: row.grp, requests: Number(row.requests) }));
  }

  async byKey(plan: RangePlan, filter: UsageFilter): Promise<Array<{ group: string; developerId: string; requests: number }>> {
    const parts: Prisma.Sql[] = [];
    // usage_daily carries no tier: for its days the tier filter uses the developer's current tier.
    const keyTier =
      filter.tier === undefined ? Prisma.empty : Prisma.sql`AND developer_id IN (SELECT id FROM developers WHERE tier_slug = ${filter.tier})`;
    const keyDeveloper = filter.developerId === undefined ? Prisma.empty : Prisma.sql`AND developer_id = ${filter.developerId}`;
    if (plan.months.length > 0) {
      parts.push(Prisma.sql`SELECT key_id, developer_id, requests AS r FROM usage_key_monthly
        WHERE month = ANY(${plan.months}::date[]) ${filterSql(filter)}`);
    }
    for (const [ranges, sign] of [[plan.add, Prisma.sql``], [plan.subtract, Prisma.sql`-`]] as const) {
      if (ranges.length === 0) continue;
      parts.push(Prisma.sql`SELECT key_id, developer_id, ${sign}requests AS r FROM usage_daily
        WHERE (${daysSql(ranges)}) ${keyTier} ${keyDeveloper}`);
    }
    if (parts.length === 0) return [];
    const rows = await this.db.client.$queryRaw<GroupRow[]>(Prisma.sql`
      SELECT key_id::text AS grp, developer_id, sum(r)::bigint AS requests FROM (${Prisma.join(parts, ' UNION ALL ')}) parts
      GROUP BY key_id, developer_id HAVING sum(r) <> 0 ORDER BY key_id`);
    return rows.map((row) => ({ group: row.grp, developerId: row.developer_id ?? '', requests: Number(row.requests) }));
  }

  /** The heaviest developers over the range, with the quota in effect for each. */
  async top(plan: RangePlan, limit: number): Promise<DeveloperTotalRow[]> {
    const rows = await this.db.client.$queryRaw<Array<QuotaSqlRow & { requests: bigint }>>(Prisma.sql`
      WITH totals AS (
        SELECT developer_id, sum(r)::bigint AS requests FROM (${developerParts(plan, {})}) parts
        GROUP BY developer_id HAVING sum(r) > 0 ORDER BY 2 DESC, 1 LIMIT ${limit}
      )
      SELECT t.developer_id, d.email, d.tier_slug,
             COALESCE(d.quota_limit_override, tier.quota_limit) AS quota_limit,
             COALESCE(d.quota_period_override, tier.quota_period)::text AS quota_period, t.requests
      FROM totals t JOIN developers d ON d.id = t.developer_id JOIN tiers tier ON tier.slug = d.tier_slug
      ORDER BY t.requests DESC, t.developer_id`);
    return rows.map((row) => ({ ...fromQuotaRow(row), requests: Number(row.requests) }));
  }

  /**
   * Developers whose requests this period reach `threshold` of their quota plus grants. Each
   * developer's period is their own (day, week or month), so each is summed from its own rollup.
   */
  async utilization(starts: PeriodStarts, threshold: number, limit: number): Promise<{ total: number; rows: UtilizationRow[] }> {
    const rows = await this.db.client.$queryRaw<Array<QuotaSqlRow & { used: bigint; granted: bigint; matches: bigint }>>(Prisma.sql`
      WITH q AS (
        SELECT d.id, d.email, d.tier_slug,
               COALESCE(d.quota_limit_override, t.quota_limit) AS quota_limit,
               COALESCE(d.quota_period_override, t.quota_period)::text AS quota_period
        FROM developers d JOIN tiers t ON t.slug = d.tier_slug
      ), used AS (
        SELECT developer_id, sum(requests) AS used FROM usage_key_monthly
        WHERE month = ${starts.month}::date AND developer_id IN (SELECT id FROM q WHERE quota_period = 'MONTH') GROUP BY 1
        UNION ALL
        SELECT developer_id, sum(requests) FROM usage_developer_daily
        WHERE day >= ${starts.week}::date AND day < ${starts.weekEnd}::date
          AND developer_id IN (SELECT id FROM q WHERE quota_period = 'WEEK') GROUP BY 1
        UNION ALL
        SELECT developer_id, sum(requests) FROM usage_developer_daily
        WHERE day = ${starts.day}::date AND developer_id IN (SELECT id FROM q WHERE quota_period = 'DAY') GROUP BY 1
      ), granted AS (
        SELECT developer_id, period_start, sum(requests) AS granted FROM quota_grants
        WHERE period_start IN (${starts.day}::timestamptz, ${starts.week}::timestamptz, ${starts.month}::timestamptz) GROUP BY 1, 2
      ), matched AS (
        SELECT q.id AS developer_id, q.email, q.tier_slug, q.quota_limit, q.quota_period, u.used, COALESCE(g.granted, 0) AS granted
        FROM q JOIN used u ON u.developer_id = q.id
        LEFT JOIN granted g ON g.developer_id = q.id AND g.period_start = CASE q.quota_period
          WHEN 'DAY' THEN ${starts.day}::timestamptz WHEN 'WEEK' THEN ${starts.week}::timestamptz ELSE ${starts.month}::timestamptz END
        WHERE u.used >= ${threshold}::float8 * (q.quota_limit + COALESCE(g.granted, 0))
      )
      SELECT *, count(*) OVER () AS matches FROM matched
      ORDER BY used::float8 / GREATEST(quota_limit + granted, 1) DESC, developer_id LIMIT ${limit}`);
    return {
      total: Number(rows[0]?.matches ?? 0),
      rows: rows.map((row) => ({ ...fromQuotaRow(row), requests: Number(row.used), granted: Number(row.granted) })),
    };
  }
}

interface QuotaSqlRow {
  developer_id: string;
  email: string;
  tier_slug: string;
  quota_limit: number;
  quota_period: QuotaPeriodName;
}

function fromQuotaRow(row: QuotaSqlRow): Omit<DeveloperTotalRow, 'requests'> {
  return {
    developerId: row.developer_id,
    email: row.email,
    tier: row.tier_slug,
    quotaLimit: Number(row.quota_limit),
    quotaPeriod: row.quota_period,
  };
}

/** Signed rows whose sum per developer is the range total: whole months plus or minus edge days. */
function developerParts(plan: RangePlan, filter: UsageFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (plan.months.length > 0) {
    parts.push(Prisma.sql`SELECT developer_id, requests AS r FROM usage_key_monthly
      WHERE month = ANY(${plan.months}::date[]) ${filterSql(filter)}`);
  }
  if (plan.add.length > 0) {
    parts.push(Prisma.sql`SELECT developer_id, requests AS r FROM usage_developer_daily WHERE (${daysSql(plan.add)}) ${filterSql(filter)}`);
  }
  if (plan.subtract.length > 0) {
    parts.push(Prisma.sql`SELECT developer_id, -requests AS r FROM usage_developer_daily WHERE (${daysSql(plan.subtract)}) ${filterSql(filter)}`);
  }
  if (parts.length === 0) return Prisma.sql`SELECT NULL::text AS developer_id, 0::bigint AS r WHERE FALSE`;
  return Prisma.join(parts, ' UNION ALL ');
}

function daysSql(ranges: DayRange[]): Prisma.Sql {
  return Prisma.join(
    ranges.map((range) => Prisma.sql`day BETWEEN ${range.from}::date AND ${range.to}::date`),
    ' OR ',
  );
}

function filterSql(filter: UsageFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.tier !== undefined) conditions.push(Prisma.sql`AND tier_slug = ${filter.tier}`);
  if (filter.developerId !== undefined) conditions.push(Prisma.sql`AND developer_id = ${filter.developerId}`);
  return conditions.length === 0 ? Prisma.empty : Prisma.join(conditions, ' ');
}
