import { Injectable } from '@nestjs/common';
import { Db, type DeveloperRow, Prisma } from '@keyport/db';
import { type Developer } from './developer';

export interface NewDeveloper {
  id: string;
  email: string;
  tierSlug: string;
  confirmedAt: Date | null;
}

@Injectable()
export class DevelopersRepository {
  constructor(private readonly db: Db) {}

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
    const row = await this.db.client.developer.findUnique({ where: { id } });
    return row ? toDeveloper(row) : null;
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
    return toDeveloper(await this.db.client.developer.update({ where: { id }, data: { tierSlug } }));
  }

  async markConfirmed(id: string, at: Date): Promise<void> {
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
