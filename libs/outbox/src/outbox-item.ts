export interface OutboxItem<P = Record<string, unknown>> {
  id: bigint;
  aggregate: string;
  type: string;
  payload: P;
  attempts: number;
  createdAt: Date;
}

/** Applies one kind of outbox item. Must be idempotent: an item may be applied again after a crash. */
export abstract class OutboxHandler {
  abstract readonly type: string;
  abstract handle(item: OutboxItem): Promise<void>;
}

/** Thrown by a handler for an item that can never succeed; it is parked as DEAD instead of retried. */
export class PermanentOutboxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentOutboxError';
  }
}
