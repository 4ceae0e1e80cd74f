import { Injectable } from '@nestjs/common';
import { Db, Prisma } from '@keyport/db';
import { type OutboxItem } from './outbox-item';

interface ClaimedRow {
  id: bigint;
  aggregate: string;
  type: string;
  payload: unknown;
  attempts: number;
  created_at: Date;
}

/** How deep the outbox is: what waits, since when, and what gave up. */
export interface OutboxBacklogStats {
  pending: number;
  oldestPendingAt: Date | null;
  dead: number;
}

@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims up to `limit` due items, only the oldest unfinished one per aggregate, so items of one
   * key are applied strictly in order. SKIP LOCKED lets several workers share the table.
   */
  async claim(workerId: string, limit: number, leaseMs: number): Promise<OutboxItem[]> {
    const rows = await this.db.client.$queryRaw<ClaimedRow[]>(Prisma.sql`
      UPDATE outbox SET locked_by = ${workerId}, locked_until = now() + (${leaseMs} * interval '1 millisecond'),
             attempts = attempts + 1
      WHERE id IN (
        SELECT o.id FROM outbox o
        WHERE o.status = 'PENDING' AND o.available_at <= now()
          AND (o.locked_until IS NULL OR o.locked_until < now())
          AND NOT EXISTS (
            SELECT 1 FROM outbox earlier
            WHERE earlier.aggregate = o.aggregate AND earlier.id < o.id AND earlier.status = 'PENDING'
          )
        ORDER BY o.id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, aggregate, type, payload, attempts, created_at`);
    return rows
      .map((row) => ({
        id: row.id,
        aggregate: row.aggregate,
        type: row.type,
        payload: row.payload,
        attempts: row.attempts,
        createdAt: row.created_at,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Marks the item done, but only if this worker still holds it, and scrubs secrets from its payload. */
  async complete(id: bigint, workerId: string, scrubbedPayload?: Record<string, unknown>): Promise<void> {
    await this.db.client.outboxItem.updateMany({
      where: { id, lockedBy: workerId },
      data: {
        status: 'DONE',
        processedAt: new Date(),
        lockedUntil: null,
        lastError: null,
        ...(scrubbedPayload ? { payload: scrubbedPayload as Prisma.InputJsonValue } : {}),
      },
    });
  }

  async retryLater(id: bigint, workerId: string, delayMs: number, error: string): Promise<void> {
    await this.db.client.outboxItem.updateMany({
      where: { id, lockedBy: workerId },
      data: { availableAt: new Date(Date.now() + delayMs), lockedUntil: null, lastError: error.slice(0, 1000) },
    });
  }

  async park(id: bigint, workerId: string, error: string): Promise<void> {
    await this.db.client.outboxItem.updateMany({
      where: { id, lockedBy: workerId },
      data: { status: 'DEAD', lockedUntil: null, lastError: error.slice(0, 1000), processedAt: new Date() },
    });
  }

  async stats(): Promise<OutboxBacklogStats> {
    const [pending, oldest, dead] = await Promise.all([
      this.db.client.outboxItem.count({ where: { status: 'PENDING' } }),
      this.db.client.outboxItem.findFirst({ where: { status: 'PENDING' }, orderBy: { id: 'asc' }, select: { createdAt: true } }),
      this.db.client.outboxItem.count({ where: { status: 'DEAD' } }),
    ]);
    return { pending, oldestPendingAt: oldest?.createdAt ?? null, dead };
  }
}
