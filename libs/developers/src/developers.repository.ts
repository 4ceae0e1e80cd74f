import { Injectable } from '@nestjs/common';
import { type QuotaPeriodName } from '@keyport/common';
import { Db, type DeveloperRow, LeanReads, Prisma, RecentRows } from '@keyport/db';
import { type BillingAccount, type Developer, type DeveloperStatus, deletedEmail } from './developer';
import { type DeveloperCursor, type DeveloperFilter } from './developer-page';

export interface NewDeveloper {
  id: string;
  email: string;
  tierSlug: string;
  confirmedAt: Date | null;
  /** Default ACTIVE; PENDING for a sign-up an admin must approve (SIGNUP_APPROVAL=manual). */
  status?: DeveloperStatus;
}

/** Every column of `developers` under the names of `DeveloperRow`, for raw reads that end in `toDeveloper`. */
const DEVELOPER_COLUMNS = Prisma.sql`id, email, tier_slug AS "tierSlug", status, suspended_reason AS "suspendedReason",
  confirmed_at AS "confirmedAt", quota_limit_override AS "quotaLimitOverride", quota_period_override AS "quotaPeriodOverride",
  stripe_customer_id AS "stripeCustomerId", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The cache namespace of developer rows: every write below forgets the row. */
const DEVELOPER_ROWS = 'developer';

/**
 * The only class that reads or writes the `developers` table. Writes forget the cached row here,
 * so no caller has to remember to. Write paths that read-modify-write hold the row lock (`lock`).
 * Other libs' SQL reads it through the view `reporting_developers` (migration `reporting_views`): keep its columns.
 */
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

  /** Locks the row until the transaction ends and reads only its status (key creation's one query). */
  async lockStatus(id: string): Promise<DeveloperStatus | null> {
    const rows = await this.db.client.$queryRaw<Array<{ status: DeveloperStatus }>>(Prisma.sql`SELECT status FROM developers WHERE id = ${id} FOR UPDATE`);
    return rows[0]?.status ?? null;
  }

  /** Up to `limit` developers after the cursor in (sign-up time, id) order. */
  async page(filter: DeveloperFilter, after: DeveloperCursor | null, limit: number): Promise<Developer[]> {
    const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (filter.search) conditions.push(Prisma.sql`email ILIKE ${`%${escapeLike(filter.search.toLowerCase())}%`}`);
    if (filter.tier) conditions.push(Prisma.sql`tier_slug = ${filter.tier}`);
    if (filter.status) conditions.push(Prisma.sql`status = ${filter.status}::"DeveloperStatus"`);
    if (after) conditions.push(Prisma.sql`(created_at, id) > (${after.createdAt}::timestamptz, ${after.id})`);
    const rows = await this.db.client.$queryRaw<DeveloperRow[]>(Prisma.sql`
      SELECT ${DEVELOPER_COLUMNS}
      FROM developers WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY created_at, id LIMIT ${limit}`);
    return rows.map(toDeveloper);
  }

  /** The developers with a quota of their own (each has, or will have, their own usage plan at the gateway), on one tier or on any. */
  async idsWithQuotaOverride(tierSlug?: string): Promise<string[]> {
    const rows = await this.db.client.developer.findMany({
      where: { ...(tierSlug === undefined ? {} : { tierSlug }), quotaLimitOverride: { not: null } },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  async setTier(id: string, tierSlug: string): Promise<Developer> {
    this.recent.forget(DEVELOPER_ROWS, id);
    return toDeveloper(await this.db.client.developer.update({ where: { id }, data: { tierSlug } }));
  }

  async markConfirmed(id: string, at: Date): Promise<void> {
    this.recent.forget(DEVELOPER_ROWS, id);
    await this.db.client.developer.updateMany({ where: { id, confirmedAt: null }, data: { confirmedAt: at } });
  }

  async setStatus(id: string, status: DeveloperStatus, reason: string | null): Promise<Developer> {
    this.recent.forget(DEVELOPER_ROWS, id);
    return toDeveloper(await this.db.client.developer.update({ where: { id }, data: { status, suspendedReason: reason } }));
  }

  /** Removes a declined sign-up's row (a pending developer holds no keys); false when it is not pending (any more). */
  async removePending(id: string): Promise<boolean> {
    this.recent.forget(DEVELOPER_ROWS, id);
    return (await this.db.client.developer.deleteMany({ where: { id, status: 'PENDING' } })).count === 1;
  }

  /**
   * `removePending` inside the caller's transaction, unless another row refers to the developer (a
   * quota grant, a subscription, a key): then false, and the transaction goes on as if nothing was
   * tried. The database's foreign keys decide, so a table added later needs no change here.
   */
  async removePendingUnlessReferenced(id: string): Promise<boolean> {
    if (!this.db.inTransaction) throw new Error('removePendingUnlessReferenced needs a transaction');
    const client = this.db.client;
    await client.$executeRawUnsafe('SAVEPOINT remove_pending');
    try {
      const removed = await this.removePending(id);
      await client.$executeRawUnsafe('RELEASE SAVEPOINT remove_pending');
      return removed;
    } catch (error) {
      if (!isReferencedRowError(error)) throw error;
      await client.$executeRawUnsafe('ROLLBACK TO SAVEPOINT remove_pending');
      return false;
    }
  }

  /** Removes the row a cancelled invitation wrote (the invitee never signed in, so it holds nothing). */
  async removeInvited(id: string): Promise<void> {
    this.recent.forget(DEVELOPER_ROWS, id);
    await this.db.client.developer.deleteMany({ where: { id, confirmedAt: null } });
  }

  /** Status DELETED and the e-mail released (rewritten to one no one can hold), so it may sign up again. */
  async markDeleted(id: string): Promise<Developer> {
    this.recent.forget(DEVELOPER_ROWS, id);
    const row = await this.db.client.developer.update({
      where: { id },
      data: { status: 'DELETED', email: deletedEmail(id), suspendedReason: null, quotaLimitOverride: null, quotaPeriodOverride: null },
    });
    return toDeveloper(row);
  }

  async setQuotaOverride(id: string, quota: { limit: number; period: QuotaPeriodName } | null): Promise<Developer> {
    this.recent.forget(DEVELOPER_ROWS, id);
    const row = await this.db.client.developer.update({
      where: { id },
      data: { quotaLimitOverride: quota?.limit ?? null, quotaPeriodOverride: quota?.period ?? null },
    });
    return toDeveloper(row);
  }

  async billingAccount(developerId: string): Promise<BillingAccount | null> {
    const row = await this.db.client.developer.findUnique({
      where: { id: developerId },
      select: { id: true, email: true, tierSlug: true, stripeCustomerId: true },
    });
    return row ? { developerId: row.id, email: row.email, tierSlug: row.tierSlug, customerId: row.stripeCustomerId } : null;
  }

  async developerOfCustomer(customerId: string): Promise<string | null> {
    const row = await this.db.client.developer.findUnique({ where: { stripeCustomerId: customerId }, select: { id: true } });
    return row?.id ?? null;
  }

  /** Stores the customer id unless one is already there; returns the one that is stored. */
  async attachCustomer(developerId: string, customerId: string): Promise<string> {
    this.recent.forget(DEVELOPER_ROWS, developerId);
    await this.db.client.developer.updateMany({ where: { id: developerId, stripeCustomerId: null }, data: { stripeCustomerId: customerId } });
    const row = await this.db.client.developer.findUniqueOrThrow({ where: { id: developerId }, select: { stripeCustomerId: true } });
    return row.stripeCustomerId ?? customerId;
  }

  /** Which of these developers are active, read a thousand ids per statement. */
  async activeAmong(ids: readonly string[]): Promise<Set<string>> {
    const active = new Set<string>();
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
      const rows = await this.db.client.developer.findMany({
        where: { id: { in: ids.slice(i, i + IDS_PER_STATEMENT) }, status: 'ACTIVE' },
        select: { id: true },
      });
      for (const row of rows) active.add(row.id);
    }
    return active;
  }

  /** Takes the transaction-wide lock under which usage plans are counted, so two admins cannot both take the last place. */
  async lockUsagePlanCount(): Promise<void> {
    await this.db.client.$queryRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('keyport:usage-plans'))::text AS locked`);
  }
}

const IDS_PER_STATEMENT = 1000;

function toDeveloper(row: DeveloperRow): Developer {
  return {
    id: row.id,
    email: row.email,
    tierSlug: row.tierSlug,
    status: row.status,
    suspendedReason: row.suspendedReason,
    confirmedAt: row.confirmedAt,
    quotaOverride:
      row.quotaLimitOverride !== null && row.quotaPeriodOverride !== null ? { limit: row.quotaLimitOverride, period: row.quotaPeriodOverride } : null,
    createdAt: row.createdAt,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A delete refused by a foreign key: Prisma's P2003, or the driver adapter's SQLSTATE (23001 RESTRICT, 23503). */
function isReferencedRowError(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2003') return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined)?.cause;
  return cause?.originalCode === '23001' || cause?.originalCode === '23503';
}
