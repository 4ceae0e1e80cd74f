import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxBacklogService } from './outbox-backlog.service';
import { OutboxHandlerRegistry } from './outbox-handler.registry';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';
import { OutboxWorker } from './outbox.worker';
import { OutboxWriter } from './outbox.writer';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [OutboxWriter, OutboxSignal, OutboxRepository, OutboxBacklogService, OutboxHandlerRegistry, OutboxWorker],
  exports: [OutboxWriter, OutboxSignal, OutboxBacklogService, OutboxHandlerRegistry, OutboxWorker],
})
export class OutboxModule {}
