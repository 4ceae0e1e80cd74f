import { Injectable } from '@nestjs/common';
import { Db, type Prisma } from '@keyport/db';
import { OutboxSignal } from './outbox.signal';

/** Records a side effect in the caller's transaction; the worker applies it after commit. */
@Injectable()
export class OutboxWriter {
  constructor(
    private readonly db: Db,
    private readonly signal: OutboxSignal,
  ) {}

  async enqueue(aggregate: string, type: string, payload: Record<string, unknown>): Promise<void> {
    await this.db.client.outboxItem.create({
      data: { aggregate, type, payload: payload as Prisma.InputJsonValue },
    });
    this.signal.notify();
  }
}
