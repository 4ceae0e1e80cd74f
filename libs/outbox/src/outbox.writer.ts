import { Injectable } from '@nestjs/common';
import { Db, type Prisma } from '@keyport/db';
import { type OutboxMessage } from './outbox-message';
import { OutboxSignal } from './outbox.signal';

/** Records a side effect in the caller's transaction; the worker applies it after commit. */
@Injectable()
export class OutboxWriter {
  constructor(
    private readonly db: Db,
    private readonly signal: OutboxSignal,
  ) {}

  /** Items of one aggregate are applied one at a time, in the order they were enqueued. */
  async enqueue<P>(aggregate: string, message: OutboxMessage<P>, payload: NoInfer<P>): Promise<void> {
    await this.db.client.outboxItem.create({
      data: { aggregate, type: message.type, payload: payload as Prisma.InputJsonValue },
    });
    // Woken before the commit, the worker would find nothing yet and sleep a whole poll interval.
    this.db.afterTransaction(() => this.signal.notify());
  }
}
