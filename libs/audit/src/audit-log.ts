import { Injectable } from '@nestjs/common';
import { RequestContext } from '@keyport/common';
import { Db, Prisma } from '@keyport/db';
import { type AuditEvent } from './audit-entry';

/** Appends audit entries inside the caller's transaction, so an action and its record commit together. */
@Injectable()
export class AuditLog {
  constructor(private readonly db: Db) {}

  async record(event: AuditEvent): Promise<void> {
    const actor = event.actor ?? RequestContext.actor();
    await this.db.client.auditEntry.create({
      data: {
        actorType: actor.type,
        actorId: actor.id ?? null,
        action: event.action,
        targetType: event.targetType ?? null,
        targetId: event.targetId ?? null,
        before: toJson(event.before),
        after: toJson(event.after),
        requestId: RequestContext.requestId() ?? null,
      },
    });
  }
}

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
