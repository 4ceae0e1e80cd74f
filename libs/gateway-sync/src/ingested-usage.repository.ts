import { Injectable } from '@nestjs/common';
import { Db, Prisma } from '@keyport/db';

export interface DailyUsageRow {
  keyId: string;
  developerId: string;
  /** `YYYY-MM-DD` */
  day: string;
  requests: number;
}

const BATCH = 500;

/**
 * Writes usage read from AWS into `usage_daily` as absolute daily values, so reading the same days
 * again (AWS data arrives late) replaces rather than adds.
 */
@Injectable()
export class IngestedUsageRepository {
  constructor(private readonly db: Db) {}

  /** Keyport key and developer of each gateway key id it knows. */
  async keysByGatewayId(gatewayKeyIds: string[]): Promise<Map<string, { keyId: string; developerId: string }>> {
    const rows = await this.db.client.apiKey.findMany({
      where: { gatewayKeyId: { in: gatewayKeyIds } },
      select: { id: true, developerId: true, gatewayKeyId: true },
    });
    return new Map(rows.map((row) => [row.gatewayKeyId!, { keyId: row.id, developerId: row.developerId }]));
  }

  async upsertDaily(rows: DailyUsageRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      const values = rows
        .slice(i, i + BATCH)
        .map((row) => Prisma.sql`(${row.keyId}::uuid, ${row.day}::date, ${row.developerId}, ${row.requests}::bigint, now())`);
      await this.db.client.$executeRaw(Prisma.sql`
        INSERT INTO usage_daily (key_id, day, developer_id, requests, updated_at)
        VALUES ${Prisma.join(values)}
        ON CONFLICT (key_id, day) DO UPDATE
          SET requests = EXCLUDED.requests, developer_id = EXCLUDED.developer_id, updated_at = now()
          WHERE usage_daily.requests IS DISTINCT FROM EXCLUDED.requests`);
    }
  }
}
