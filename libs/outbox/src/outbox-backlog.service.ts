import { Injectable } from '@nestjs/common';
import { type OutboxBacklogStats, OutboxRepository } from './outbox.repository';

export type { OutboxBacklogStats };

/** The outbox's depth, for metrics and the console's Gateway page; only this lib touches `outbox`. */
@Injectable()
export class OutboxBacklogService {
  constructor(private readonly outbox: OutboxRepository) {}

  stats(): Promise<OutboxBacklogStats> {
    return this.outbox.stats();
  }
}
