import { Injectable } from '@nestjs/common';
import { invalid } from '@keyport/common';
import { Db, type Prisma } from '@keyport/db';
import { type AuditEntry } from './audit-entry';

export interface AuditQuery {
  actor?: string;
  target?: string;
  action?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  cursor?: string;
  limit: number;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** Reads the audit log newest first. The cursor is the last entry's id, which only grows. */
@Injectable()
export class AuditLogReader {
  constructor(private readonly db: Db) {}

  async page(query: AuditQuery): Promise<AuditPage> {
    const where: Prisma.AuditEntryWhereInput = {
      actorId: query.actor,
      targetId: query.target,
      action: query.action,
      at: query.from || query.to ? { gte: query.from, lt: query.to } : undefined,
      id: query.cursor === undefined ? undefined : { lt: parseCursor(query.cursor) },
    };
    const rows = await this.db.client.auditEntry.findMany({ where, orderBy: { id: 'desc' }, take: query.limit + 1 });
    const items = rows.slice(0, query.limit).map((row): AuditEntry => ({
      id: row.id.toString(),
      at: row.at,
      actorType: row.actorType,
      actorId: row.actorId,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      before: row.before,
      after: row.after,
      requestId: row.requestId,
    }));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? last.id : null };
  }
}

function parseCursor(cursor: string): bigint {
  if (!/^[1-9][0-9]{0,18}$/.test(cursor)) {
    throw invalid('Invalid request', [{ field: 'cursor', message: 'must be a cursor returned by this route' }]);
  }
  return BigInt(cursor);
}
