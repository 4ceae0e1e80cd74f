import { Injectable } from '@nestjs/common';
import { Db } from '@keyport/db';

/** Reads the extra requests admins granted a developer, to report the quota the gateway enforces. */
@Injectable()
export class QuotaGrantsReader {
  constructor(private readonly db: Db) {}

  async grantedFor(developerId: string, periodStart: Date): Promise<number> {
    const result = await this.db.client.quotaGrant.aggregate({ where: { developerId, periodStart }, _sum: { requests: true } });
    return result._sum.requests ?? 0;
  }
}
