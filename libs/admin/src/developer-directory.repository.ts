import { Injectable } from '@nestjs/common';
import { Db, type DeveloperRow, Prisma } from '@keyport/db';
import { DEVELOPER_COLUMNS, type Developer, toDeveloper } from '@keyport/developers';
import { type DeveloperCursor, type DeveloperFilter } from './developer-page';

/** The admin's read side over developers: filtered pages and what a profile shows besides the row. */
@Injectable()
export class DeveloperDirectoryRepository {
  constructor(private readonly db: Db) {}

  /** Up to `limit` developers after the cursor in (sign-up time, id) order. */
  async page(filter: DeveloperFilter, after: DeveloperCursor | null, limit: number): Promise<Developer[]> {
    const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (filter.search) conditions.push(Prisma.sql`email ILIKE ${`%${escapeLike(filter.search.toLowerCase())}%`}`);
    if (filter.tier) conditions.push(Prisma.sql`tier_slug = ${filter.tier}`);
    if (filter.status) conditions.push(Prisma.sql`status = ${filter.status}::"DeveloperStatus"`);
    if (after) conditions.push(Prisma.sql`(created_at, id) > (${after.createdAt}::timestamptz, ${after.id})`);
    const rows = await this.db.client.$queryRaw<DeveloperRow[]>(Prisma.sql`
      SELECT ${DEVELOPER_COLUMNS}
      FROM developers WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY created_at, id LIMIT ${limit}`);
    return rows.map(toDeveloper);
  }

  async idsWithQuotaOverride(tierSlug: string): Promise<string[]> {
    const rows = await this.db.client.developer.findMany({
      where: { tierSlug, quotaLimitOverride: { not: null } },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  /** Requests of all the developer's keys on days in [from, to). */
  async usedBetween(developerId: string, from: Date, to: Date): Promise<number> {
    const rows = await this.db.client.$queryRaw<Array<{ used: bigint | null }>>(Prisma.sql`
      SELECT sum(requests)::bigint AS used FROM usage_developer_daily
      WHERE developer_id = ${developerId} AND day >= ${from}::date AND day < ${to}::date`);
    return Number(rows[0]?.used ?? 0);
  }

  async grantedFor(developerId: string, periodStart: Date): Promise<number> {
    const result = await this.db.client.quotaGrant.aggregate({ where: { developerId, periodStart }, _sum: { requests: true } });
    return result._sum.requests ?? 0;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
