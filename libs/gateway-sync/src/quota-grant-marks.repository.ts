import { Injectable } from '@nestjs/common';
import { Db } from '@keyport/db';

/** Remembers which keys a grant was applied to, so a retried outbox item adds nothing twice. */
@Injectable()
export class QuotaGrantMarksRepository {
  constructor(private readonly db: Db) {}

  async isApplied(grantId: bigint, keyId: string): Promise<boolean> {
    return (await this.db.client.quotaGrantKey.count({ where: { grantId, keyId } })) > 0;
  }

  async markApplied(grantId: bigint, keyId: string): Promise<void> {
    await this.db.client.quotaGrantKey.create({ data: { grantId, keyId } });
  }
}
