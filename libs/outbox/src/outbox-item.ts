import { type OutboxMessage } from './outbox-message';

export interface OutboxItem<P = unknown> {
  id: bigint;
  aggregate: string;
  type: string;
  payload: P;
  attempts: number;
  createdAt: Date;
}

/**
 * Applies one kind of outbox message. Must be idempotent: an item may be applied again after a crash.
 * It receives only items whose payload the message's definition has read back as valid.
 */
export abstract class OutboxHandler<P = unknown> {
  abstract readonly message: OutboxMessage<P>;
  abstract handle(item: OutboxItem<P>): Promise<void>;
}

/** Thrown by a handler for an item that can never succeed; it is parked as DEAD instead of retried. */
export class PermanentOutboxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentOutboxError';
  }
}
