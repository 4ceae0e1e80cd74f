import { Injectable } from '@nestjs/common';
import { Db, Prisma } from '@keyport/db';
import { type DayRange } from './day-range';

export interface UsageExportRow {
  day: string;
  developer_id: string;
  email: string | null;
  key_id: string;
  requests: string;
}

export interface UsageExportPosition {
  keyId: string;
  day: string;
}

/** Reads usage_daily in primary-key order, one bounded batch at a time, for the CSV export. */
@Injectable()
export class UsageExportRepository {
  constructor(private readonly db: Db) {}

  batch(range: DayRange, after: UsageExportPosition | null, size: number): Promise<UsageExportRow[]> {
    const position =
      after === null ? Prisma.empty : Prisma.sql`AND (u.key_id, u.day) > (${after.keyId}::uuid, ${after.day}::date)`;
    return this.db.client.$queryRaw<UsageExportRow[]>(Prisma.sql`
      SELECT to_char(u.day, 'YYYY-MM-DD') AS day, u.developer_id, d.email, u.key_id::text AS key_id, u.requests::text AS requests
      FROM usage_daily u LEFT JOIN developers d ON d.id = u.developer_id
      WHERE u.day BETWEEN ${range.from}::date AND ${range.to}::date ${position}
      ORDER BY u.key_id, u.day LIMIT ${size}`);
  }
}
