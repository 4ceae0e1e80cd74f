import { Injectable } from '@nestjs/common';
import { Db } from '@keyport/db';

/**
 * The only writer of `quota_grants`: requests admins add to one developer's current quota period.
 * Other libs' SQL reads it through the view `reporting_quota_grants` (migration `reporting_views`): keep its columns.
 */
@Injectable()
export class QuotaGrantsRepository {
  constructor(private readonly db: Db) {}

  async insert(grant: { developerId: string; periodStart: Date; requests: number; grantedBy: string }): Promise<bigint> {
    return (await this.db.client.quotaGrant.create({ data: grant, select: { id: true } })).id;
  }

  async grantedFor(developerId: string, periodStart: Date): Promise<number> {
    const result = await this.db.client.quotaGrant.aggregate({ where: { developerId, periodStart }, _sum: { requests: true } });
    return result._sum.requests ?? 0;
  }
}
