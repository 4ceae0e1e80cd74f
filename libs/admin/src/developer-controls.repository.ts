import { Injectable } from '@nestjs/common';
import { type QuotaPeriodName } from '@keyport/common';
import { Db, Prisma, RecentRows } from '@keyport/db';
import { DEVELOPER_ROWS, type Developer, toDeveloper } from '@keyport/developers';

/** The admin's writes to a developer: status, own quota, grants. Callers hold the developer's row lock. */
@Injectable()
export class DeveloperControlsRepository {
  constructor(
    private readonly db: Db,
    private readonly recent: RecentRows,
  ) {}

  async setStatus(id: string, status: 'ACTIVE' | 'SUSPENDED', reason: string | null): Promise<Developer> {
    this.recent.forget(DEVELOPER_ROWS, id);
    return toDeveloper(await this.db.client.developer.update({ where: { id }, data: { status, suspendedReason: reason } }));
  }

  async setQuotaOverride(id: string, quota: { limit: number; period: QuotaPeriodName } | null): Promise<Developer> {
    this.recent.forget(DEVELOPER_ROWS, id);
    const row = await this.db.client.developer.update({
      where: { id },
      data: { quotaLimitOverride: quota?.limit ?? null, quotaPeriodOverride: quota?.period ?? null },
    });
    return toDeveloper(row);
  }

  async insertGrant(grant: { developerId: string; periodStart: Date; requests: number; grantedBy: string }): Promise<bigint> {
    return (await this.db.client.quotaGrant.create({ data: grant, select: { id: true } })).id;
  }

  /**
   * Usage plans that exist or will exist at the gateway besides `exceptDeveloperId`'s own: every
   * tier's, every developer with a quota of their own, and developer plans still waiting for deletion.
   * Takes a transaction-wide lock first so two admins cannot both take the last place.
   */
  async countUsagePlansLocked(exceptDeveloperId: string): Promise<number> {
    await this.db.client.$queryRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('keyport:usage-plans'))::text AS locked`);
    const rows = await this.db.client.$queryRaw<Array<{ plans: bigint }>>(Prisma.sql`
      SELECT (SELECT count(*) FROM tiers) + (
        SELECT count(*) FROM (
          SELECT id FROM developers WHERE quota_limit_override IS NOT NULL AND id <> ${exceptDeveloperId}
          UNION
          SELECT substr(owner, 11) FROM gateway_plan_bindings
          WHERE owner LIKE 'developer:%' AND owner <> ${`developer:${exceptDeveloperId}`}
        ) AS developer_plans
      ) AS plans`);
    return Number(rows[0]?.plans ?? 0);
  }
}
