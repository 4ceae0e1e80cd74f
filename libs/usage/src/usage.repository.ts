import { Injectable } from '@nestjs/common';
import { isoDay } from '@keyport/common';
import { Db, Prisma } from '@keyport/db';
import { type KeyDayUsage, type LineageDayUsage, type UsageIncrement } from './usage-day';

const ROWS_PER_STATEMENT = 500;

/**
 * The one usage store: requests per key per UTC day, whoever counted them (the embedded gateway
 * adds increments; the ingestion of API Gateway's GetUsage writes absolute daily values).
 * Other libs' SQL reads it through the view `reporting_usage_daily` (migration `reporting_views`): keep its columns.
 */
@Injectable()
export class UsageRepository {
  constructor(private readonly db: Db) {}

  /** Adds each increment to its key's day, creating the row when it is the first request of that day. */
  addRequests(increments: readonly UsageIncrement[]): Promise<void> {
    return this.upsertDays(increments, Prisma.sql`SET requests = usage_daily.requests + EXCLUDED.requests, updated_at = now()`);
  }

  /**
   * Sets each key's day to an absolute count, as API Gateway's GetUsage reports it: reading the same
   * days again (its data arrives late) replaces rather than adds.
   */
  replaceDaily(totals: readonly UsageIncrement[]): Promise<void> {
    return this.upsertDays(
      totals,
      Prisma.sql`SET requests = EXCLUDED.requests, updated_at = now() WHERE usage_daily.requests IS DISTINCT FROM EXCLUDED.requests`,
    );
  }

  /** Writes key-days in batches; `onConflict` says what an existing day becomes. */
  private async upsertDays(days: readonly UsageIncrement[], onConflict: Prisma.Sql): Promise<void> {
    for (let i = 0; i < days.length; i += ROWS_PER_STATEMENT) {
      const rows = days
        .slice(i, i + ROWS_PER_STATEMENT)
        .map((row) => Prisma.sql`(${row.keyId}::uuid, ${row.day}::date, ${row.developerId}, ${row.requests}::bigint, now())`);
      await this.db.client.$executeRaw(Prisma.sql`
        INSERT INTO usage_daily (key_id, day, developer_id, requests, updated_at)
        VALUES ${Prisma.join(rows)}
        ON CONFLICT (key_id, day) DO UPDATE ${onConflict}`);
    }
  }

  /** A developer's requests per key and day in `[from, to]`, oldest day first. */
  async daily(developerId: string, from: string, to: string, keyId?: string): Promise<KeyDayUsage[]> {
    const rows = await this.db.client.usageDaily.findMany({
      where: { developerId, day: { gte: asDate(from), lte: asDate(to) }, ...(keyId ? { keyId } : {}) },
      orderBy: [{ day: 'asc' }, { keyId: 'asc' }],
    });
    return rows.map((row) => ({ keyId: row.keyId, day: isoDay(row.day), requests: Number(row.requests) }));
  }

  /** Requests per rotation lineage of one developer since `from` (inclusive); the lineage from the keys lib's reporting view. */
  async lineageTotals(developerId: string, from: string): Promise<Map<string, number>> {
    const rows = await this.db.client.$queryRaw<Array<{ lineage_id: string; requests: bigint }>>(Prisma.sql`
      SELECT k.lineage_id::text AS lineage_id, sum(u.requests)::bigint AS requests
      FROM usage_daily u JOIN reporting_api_keys k ON k.id = u.key_id
      WHERE u.developer_id = ${developerId} AND u.day >= ${from}::date
      GROUP BY k.lineage_id`);
    return new Map(rows.map((row) => [row.lineage_id, Number(row.requests)]));
  }

  /** Requests per rotation lineage and day since `from` (inclusive), for every key. */
  async lineageDays(from: string): Promise<LineageDayUsage[]> {
    const rows = await this.db.client.$queryRaw<Array<{ lineage_id: string; day: string; requests: bigint }>>(Prisma.sql`
      SELECT k.lineage_id::text AS lineage_id, to_char(u.day, 'YYYY-MM-DD') AS day, sum(u.requests)::bigint AS requests
      FROM usage_daily u JOIN reporting_api_keys k ON k.id = u.key_id
      WHERE u.day >= ${from}::date
      GROUP BY k.lineage_id, u.day`);
    return rows.map((row) => ({ lineageId: row.lineage_id, day: row.day, requests: Number(row.requests) }));
  }
}

function asDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
