import { type ActorType } from '@keyport/common';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  /** Defaults to the actor of the current request. */
  actor?: { type: ActorType; id?: string };
}

export interface AuditEntry {
  id: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}
