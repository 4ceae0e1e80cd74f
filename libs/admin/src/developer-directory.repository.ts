import { Injectable } from '@nestjs/common';
import { Db, Prisma } from '@keyport/db';

/** What an admin's developer profile shows besides the developer: requests in a period, from the reports' daily rollup. */
@Injectable()
export class DeveloperDirectoryRepository {
  constructor(private readonly db: Db) {}

  /** Requests of all the developer's keys on days in [from, to). */
  async usedBetween(developerId: string, from: Date, to: Date): Promise<number> {
    const rows = await this.db.client.$queryRaw<Array<{ used: bigint | null }>>(Prisma.sql`
      SELECT sum(requests)::bigint AS used FROM usage_developer_daily
      WHERE developer_id = ${developerId} AND day >= ${from}::date AND day < ${to}::date`);
    return Number(rows[0]?.used ?? 0);
  }
}
