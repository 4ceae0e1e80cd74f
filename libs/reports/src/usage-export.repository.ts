import { Injectable } from '@nestjs/common';
import { Db, Prisma } from '@keyport/db';
import { type DayRange } from './day-range';

export interface UsageExportPosition {
  keyId: string;
  day: string;
}

/** One batch of the export, already as CSV lines, and where the next batch starts. */
export interface UsageExportBatch {
  csv: string;
  rows: number;
  last: UsageExportPosition | null;
}

/**
 * Reads usage_daily in primary-key order, one bounded batch at a time, for the CSV export. The
 * database writes each batch's lines as one string: a row object per line would be garbage the
 * process holds until the next full collection, which is what made its memory grow with the range.
 */
@Injectable()
export class UsageExportRepository {
  constructor(private readonly db: Db) {}

  async batch(range: DayRange, after: UsageExportPosition | null, size: number): Promise<UsageExportBatch> {
    const position =
      after === null ? Prisma.empty : Prisma.sql`AND (u.key_id, u.day) > (${after.keyId}::uuid, ${after.day}::date)`;
    const rows = await this.db.client.$queryRaw<Array<{ csv: string | null; rows: bigint; last_key: string | null; last_day: string | null }>>(Prisma.sql`
      WITH batch AS (
        SELECT u.key_id, u.day, u.developer_id, d.email, u.requests
        FROM usage_daily u LEFT JOIN developers d ON d.id = u.developer_id
        WHERE u.day BETWEEN ${range.from}::date AND ${range.to}::date ${position}
        ORDER BY u.key_id, u.day LIMIT ${size}
      )
      SELECT string_agg(concat_ws(',', to_char(day, 'YYYY-MM-DD'), ${csvCell(Prisma.sql`developer_id`)}, ${csvCell(Prisma.sql`COALESCE(email, '')`)},
                                  key_id::text, requests::text) || E'\\n', '' ORDER BY key_id, day) AS csv,
             count(*) AS rows,
             (array_agg(key_id::text ORDER BY key_id DESC, day DESC))[1] AS last_key,
             (array_agg(to_char(day, 'YYYY-MM-DD') ORDER BY key_id DESC, day DESC))[1] AS last_day
      FROM batch`);
    const [row] = rows;
    const last = row?.last_key && row.last_day ? { keyId: row.last_key, day: row.last_day } : null;
    return { csv: row?.csv ?? '', rows: Number(row?.rows ?? 0), last };
  }
}

/** RFC 4180 quoting, and a leading quote mark so a spreadsheet never runs a cell as a formula. */
function csvCell(value: Prisma.Sql): Prisma.Sql {
  const safe = Prisma.sql`(CASE WHEN ${value} ~ '^[=+\\-@\\t\\r]' THEN '''' || ${value} ELSE ${value} END)`;
  return Prisma.sql`(CASE WHEN ${safe} ~ '[",\\r\\n]' THEN '"' || replace(${safe}, '"', '""') || '"' ELSE ${safe} END)`;
}
