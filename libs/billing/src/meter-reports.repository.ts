import { Injectable } from '@nestjs/common';
import { Db, Prisma } from '@keyport/db';

export interface DeveloperDayUsage {
  developerId: string;
  customerId: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  requests: number;
}

interface UsageRow {
  developer_id: string;
  customer_id: string;
  day: string;
  requests: bigint;
}

@Injectable()
export class MeterReportsRepository {
  constructor(private readonly db: Db) {}

  /** Finished days (`from` ≤ day < `until`) of developers with a Stripe customer that were not reported yet. */
  async unreported(from: string, until: string, limit: number): Promise<DeveloperDayUsage[]> {
    const rows = await this.db.client.$queryRaw<UsageRow[]>(Prisma.sql`
      SELECT u.developer_id, d.stripe_customer_id AS customer_id, to_char(u.day, 'YYYY-MM-DD') AS day, SUM(u.requests)::bigint AS requests
      FROM reporting_usage_daily u
      JOIN reporting_developers d ON d.id = u.developer_id AND d.stripe_customer_id IS NOT NULL
      WHERE u.day >= ${from}::date AND u.day < ${until}::date
        AND NOT EXISTS (SELECT 1 FROM meter_reports m WHERE m.developer_id = u.developer_id AND m.day = u.day)
      GROUP BY u.developer_id, d.stripe_customer_id, u.day
      ORDER BY u.day, u.developer_id
      LIMIT ${limit}`);
    return rows.map((row) => ({ developerId: row.developer_id, customerId: row.customer_id, day: row.day, requests: Number(row.requests) }));
  }

  /** Claims the developer-day for reporting; false when it was already claimed. */
  async claim(usage: DeveloperDayUsage, identifier: string): Promise<boolean> {
    const { count } = await this.db.client.meterReport.createMany({
      data: [{ developerId: usage.developerId, day: new Date(`${usage.day}T00:00:00Z`), requests: BigInt(usage.requests), identifier }],
      skipDuplicates: true,
    });
    return count === 1;
  }
}
