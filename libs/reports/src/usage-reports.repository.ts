import { Injectable } from '@nestjs/common';
import { type QuotaPeriodName } from '@keyport/common';
import { Db, Prisma } from '@keyport/db';
import { type DayRange, type RangePlan, type RunningTotalDay } from './day-range';
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
  month: Date;
}

/** What each developer used in the current day, week and month, as running-total days. */
export interface CurrentPeriods {
  starts: PeriodStarts;
  day: RunningTotalDay[];
  week: RunningTotalDay[];
  month: RunningTotalDay[];
}

/** The ids one page of groups covers, in id order; `full` when the page took all it could. */
export interface GroupWindow {
  first: string;
  last: string;
  full: boolean;
}

export interface UtilizationRow extends DeveloperTotalRow {
  granted: number;
}

/**
 * Usage reports in SQL over the rollups the usage_daily trigger keeps (see the migration
 * `admin_reports_rollups`): per tier and day, per developer and day, per key and month. Other libs'
 * rows (developers and their effective quota, keys, grants, usage_daily) come through their owners'
 * reporting views (migration `reporting_views`), never their tables.
 */
@Injectable()
export class UsageReportsRepository {
  constructor(private readonly db: Db) {}

  /** Requests of all the developer's keys on days in [from, to), from the per-developer daily rollup. */
  async developerRequestsBetween(developerId: string, from: Date, to: Date): Promise<number> {
    const rows = await this.db.client.$queryRaw<Array<{ used: bigint | null }>>(Prisma.sql`
      SELECT sum(requests)::bigint AS used FROM usage_developer_daily
      WHERE developer_id = ${developerId} AND day >= ${from}::date AND day < ${to}::date`);
    return Number(rows[0]?.used ?? 0);
  }

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

  /** The next `limit` developer ids after `after` (or just the filtered developer). */
  async developerWindow(after: string | null, limit: number, developerId?: string): Promise<GroupWindow | null> {
    const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (after !== null) conditions.push(Prisma.sql`id > ${after}`);
    if (developerId !== undefined) conditions.push(Prisma.sql`id = ${developerId}`);
    return this.window(Prisma.sql`SELECT id FROM reporting_developers WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY id LIMIT ${limit}`, limit);
  }

  /** The next `limit` key ids after `after`, of one developer when filtered. */
  async keyWindow(after: string | null, limit: number, developerId?: string): Promise<GroupWindow | null> {
    const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (after !== null) conditions.push(Prisma.sql`id > ${after}::uuid`);
    if (developerId !== undefined) conditions.push(Prisma.sql`developer_id = ${developerId}`);
    return this.window(Prisma.sql`SELECT id FROM reporting_api_keys WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY id LIMIT ${limit}`, limit);
  }

  async byDeveloper(plan: RangePlan, filter: UsageFilter, window: GroupWindow): Promise<Array<{ group: string; requests: number }>> {
    const rows = await this.db.client.$queryRaw<GroupRow[]>(Prisma.sql`
      SELECT developer_id AS grp, NULL AS developer_id, sum(r)::bigint AS requests FROM (${developerParts(plan, filter, window)}) parts
      GROUP BY developer_id HAVING sum(r) <> 0 ORDER BY developer_id`);
    return rows.map((row) => ({ group: row.grp, requests: Number(row.requests) }));
  }

  async byKey(plan: RangePlan, filter: UsageFilter, window: GroupWindow): Promise<Array<{ group: string; developerId: string; requests: number }>> {
    const parts: Prisma.Sql[] = [];
    const keys = Prisma.sql`AND key_id BETWEEN ${window.first}::uuid AND ${window.last}::uuid`;
    // usage_daily carries no tier: for its days the tier filter uses the developer's current tier.
    const keyTier =
      filter.tier === undefined ? Prisma.empty : Prisma.sql`AND developer_id IN (SELECT id FROM reporting_developers WHERE tier_slug = ${filter.tier})`;
    const keyDeveloper = filter.developerId === undefined ? Prisma.empty : Prisma.sql`AND developer_id = ${filter.developerId}`;
    if (plan.months.length > 0) {
      parts.push(Prisma.sql`SELECT key_id, developer_id, requests AS r FROM usage_key_monthly
        WHERE month = ANY(${plan.months}::date[]) ${keys} ${filterSql(filter)}`);
    }
    for (const [ranges, sign] of [
      [plan.add, Prisma.sql``],
      [plan.subtract, Prisma.sql`-`],
    ] as const) {
      if (ranges.length === 0) continue;
      parts.push(Prisma.sql`SELECT key_id, developer_id, ${sign}requests AS r FROM reporting_usage_daily
        WHERE (${daysSql(ranges)}) ${keys} ${keyTier} ${keyDeveloper}`);
    }
    if (parts.length === 0) return [];
    const rows = await this.db.client.$queryRaw<GroupRow[]>(Prisma.sql`
      SELECT key_id::text AS grp, developer_id, sum(r)::bigint AS requests FROM (${Prisma.join(parts, ' UNION ALL ')}) parts
      GROUP BY key_id, developer_id HAVING sum(r) <> 0 ORDER BY key_id`);
    return rows.map((row) => ({ group: row.grp, developerId: row.developer_id ?? '', requests: Number(row.requests) }));
  }

  /** The heaviest developers over the range, with the quota in effect for each, from the running totals. */
  async top(days: RunningTotalDay[], limit: number): Promise<DeveloperTotalRow[]> {
    const rows = await this.db.client.$queryRaw<Array<QuotaSqlRow & { requests: bigint }>>(Prisma.sql`
      WITH totals AS (
        SELECT m.developer_id, sum(p.sign * m.requests)::bigint AS requests
        FROM usage_developer_mtd m JOIN unnest(${days.map((d) => d.day)}::date[], ${days.map((d) => d.sign)}::int[]) AS p(day, sign) ON p.day = m.day
        WHERE m.day = ANY(${days.map((d) => d.day)}::date[])
        GROUP BY 1 HAVING sum(p.sign * m.requests) > 0 ORDER BY 2 DESC, 1 LIMIT ${limit}
      )
      SELECT t.developer_id, d.email, d.tier_slug, d.quota_limit, d.quota_period::text AS quota_period, t.requests
      FROM totals t JOIN reporting_developers d ON d.id = t.developer_id
      ORDER BY t.requests DESC, t.developer_id`);
    return rows.map((row) => ({ ...fromQuotaRow(row), requests: Number(row.requests) }));
  }

  /**
   * Developers whose requests this period reach `threshold` of their quota plus grants. Each
   * developer's period is their own (day, week or month): one read of the running totals gives all three.
   */
  async utilization(periods: CurrentPeriods, threshold: number, limit: number): Promise<{ total: number; rows: UtilizationRow[] }> {
    const points = new Map<string, { day: number; week: number; month: number }>();
    for (const kind of ['day', 'week', 'month'] as const) {
      for (const { day, sign } of periods[kind]) {
        const point = points.get(day) ?? { day: 0, week: 0, month: 0 };
        point[kind] += sign;
        points.set(day, point);
      }
    }
    const days = [...points.keys()];
    const signs = (kind: 'day' | 'week' | 'month') => [...points.values()].map((point) => point[kind]);
    const { starts } = periods;
    const rows = await this.db.client.$queryRaw<Array<QuotaSqlRow & { used: bigint; granted: bigint; matches: bigint }>>(Prisma.sql`
      WITH used AS (
        SELECT m.developer_id, sum(m.requests * p.d) AS day_used, sum(m.requests * p.w) AS week_used, sum(m.requests * p.m) AS month_used
        FROM usage_developer_mtd m
        JOIN unnest(${days}::date[], ${signs('day')}::int[], ${signs('week')}::int[], ${signs('month')}::int[]) AS p(day, d, w, m) ON p.day = m.day
        WHERE m.day = ANY(${days}::date[]) GROUP BY 1
      ), granted AS (
        SELECT developer_id, period_start, sum(requests) AS granted FROM reporting_quota_grants
        WHERE period_start IN (${starts.day}::timestamptz, ${starts.week}::timestamptz, ${starts.month}::timestamptz) GROUP BY 1, 2
      ), q AS (
        SELECT d.id AS developer_id, d.email, d.tier_slug, d.quota_limit, d.quota_period::text AS quota_period,
               u.day_used, u.week_used, u.month_used
        FROM used u JOIN reporting_developers d ON d.id = u.developer_id
      ), matched AS (
        SELECT q.developer_id, q.email, q.tier_slug, q.quota_limit, q.quota_period,
               CASE q.quota_period WHEN 'DAY' THEN q.day_used WHEN 'WEEK' THEN q.week_used ELSE q.month_used END AS used,
               COALESCE(g.granted, 0) AS granted
        FROM q LEFT JOIN granted g ON g.developer_id = q.developer_id AND g.period_start = CASE q.quota_period
          WHEN 'DAY' THEN ${starts.day}::timestamptz WHEN 'WEEK' THEN ${starts.week}::timestamptz ELSE ${starts.month}::timestamptz END
      )
      SELECT *, count(*) OVER () AS matches FROM matched
      WHERE used > 0 AND used >= ${threshold}::float8 * (quota_limit + granted)
      ORDER BY used::float8 / GREATEST(quota_limit + granted, 1) DESC, developer_id LIMIT ${limit}`);
    return {
      total: Number(rows[0]?.matches ?? 0),
      rows: rows.map((row) => ({ ...fromQuotaRow(row), requests: Number(row.used), granted: Number(row.granted) })),
    };
  }

  private async window(ids: Prisma.Sql, limit: number): Promise<GroupWindow | null> {
    const rows = await this.db.client.$queryRaw<Array<{ first: string | null; last: string | null; n: bigint }>>(Prisma.sql`
      SELECT (array_agg(id::text ORDER BY id))[1] AS first, (array_agg(id::text ORDER BY id DESC))[1] AS last, count(*) AS n
      FROM (${ids}) ids`);
    const row = rows.at(0);
    if (!row?.first || !row.last) return null;
    return { first: row.first, last: row.last, full: Number(row.n) >= limit };
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
    quotaLimit: row.quota_limit,
    quotaPeriod: row.quota_period,
  };
}

/** Signed rows whose sum per developer is the range total: whole months plus or minus edge days. */
function developerParts(plan: RangePlan, filter: UsageFilter, window: GroupWindow): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const developers = Prisma.sql`AND developer_id BETWEEN ${window.first} AND ${window.last}`;
  if (plan.months.length > 0) {
    parts.push(Prisma.sql`SELECT developer_id, requests AS r FROM usage_key_monthly
      WHERE month = ANY(${plan.months}::date[]) ${developers} ${filterSql(filter)}`);
  }
  if (plan.add.length > 0) {
    parts.push(Prisma.sql`SELECT developer_id, requests AS r FROM usage_developer_daily WHERE (${daysSql(plan.add)}) ${developers} ${filterSql(filter)}`);
  }
  if (plan.subtract.length > 0) {
    parts.push(Prisma.sql`SELECT developer_id, -requests AS r FROM usage_developer_daily WHERE (${daysSql(plan.subtract)}) ${developers} ${filterSql(filter)}`);
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
