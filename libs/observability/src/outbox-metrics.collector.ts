import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@keyport/common';
import { OutboxBacklogService, OutboxWorker } from '@keyport/outbox';
import { Metrics } from './metrics';

/** Reads the outbox's depth and age at each scrape (a number from the database, right for any replica) and counts how items end. */
@Injectable()
export class OutboxMetricsCollector implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly outbox: OutboxBacklogService,
    private readonly worker: OutboxWorker,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.metrics.onCollect(async () => this.metrics.outboxSnapshot(await this.outbox.stats(), this.clock.now().getTime()));
    this.worker.onSettled((type, result) => this.metrics.outboxItem(type, result));
  }
}
