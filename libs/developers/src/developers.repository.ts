import { Injectable } from '@nestjs/common';
import { Db, type DeveloperRow, LeanReads, Prisma, RecentRows } from '@keyport/db';
import { type Developer } from './developer';

export interface NewDeveloper {
  id: string;
  email: string;
  tierSlug: string;
  confirmedAt: Date | null;
}

/** Every column of `developers` under the names of `DeveloperRow`, for raw reads that end in `toDeveloper`. */
export const DEVELOPER_COLUMNS = Prisma.sql`id, email, tier_slug AS "tierSlug", status, suspended_reason AS "suspendedReason",
  confirmed_at AS "confirmedAt", quota_limit_override AS "quotaLimitOverride", quota_period_override AS "quotaPeriodOverride",
  stripe_customer_id AS "stripeCustomerId", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The cache namespace of developer rows: every write to `developers` must forget the row. */
export const DEVELOPER_ROWS = 'developer';

@Injectable()
export class DevelopersRepository {
  constructor(
    private readonly db: Db,
    private readonly lean: LeanReads,
    private readonly recent: RecentRows,
  ) {}

  /** Creates the developer, or returns the existing one with that id (sign-up and first sign-in race). */
  async createIfMissing(developer: NewDeveloper): Promise<Developer> {
    try {
      return toDeveloper(await this.db.client.developer.create({ data: developer }));
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const existing = await this.findById(developer.id);
        if (existing) return existing;
      }
      throw error;
    }
  }

  async findById(id: string): Promise<Developer | null> {
    const rows = await this.lean.rows<DeveloperRow>(Prisma.sql`SELECT ${DEVELOPER_COLUMNS} FROM developers WHERE id = ${id}`);
    return rows.length > 0 ? toDeveloper(rows[0]) : null;
  }

  /** `findById` as read at most ROW_CACHE_TTL_MS ago by this process (never older than this process's own writes). */
  findRecent(id: string): Promise<Developer | null> {
    return this.recent.read(DEVELOPER_ROWS, id, () => this.findById(id));
  }

  async findByEmail(email: string): Promise<Developer | null> {
    const row = await this.db.client.developer.findUnique({ where: { email } });
    return row ? toDeveloper(row) : null;
  }

  /** Reads the developer and locks the row until the transaction ends. */
  async lock(id: string): Promise<Developer | null> {
    await this.db.client.$queryRaw(Prisma.sql`SELECT id FROM developers WHERE id = ${id} FOR UPDATE`);
    return this.findById(id);
  }

  async setTier(id: string, tierSlug: string): Promise<Developer> {
    this.recent.forget(DEVELOPER_ROWS, id);
    return toDeveloper(await this.db.client.developer.update({ where: { id }, data: { tierSlug } }));
  }

  async markConfirmed(id: string, at: Date): Promise<void> {
    this.recent.forget(DEVELOPER_ROWS, id);
    await this.db.client.developer.updateMany({ where: { id, confirmedAt: null }, data: { confirmedAt: at } });
  }
}

export function toDeveloper(row: DeveloperRow): Developer {
  return {
    id: row.id,
    email: row.email,
    tierSlug: row.tierSlug,
    status: row.status,
    suspendedReason: row.suspendedReason,
    confirmedAt: row.confirmedAt,
    quotaOverride:
      row.quotaLimitOverride !== null && row.quotaPeriodOverride !== null
        ? { limit: row.quotaLimitOverride, period: row.quotaPeriodOverride }
        : null,
    createdAt: row.createdAt,
  };
}
