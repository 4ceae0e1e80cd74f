import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxHandlerRegistry } from './outbox-handler.registry';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';
import { OutboxWorker } from './outbox.worker';
import { OutboxWriter } from './outbox.writer';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [OutboxWriter, OutboxSignal, OutboxRepository, OutboxHandlerRegistry, OutboxWorker],
  exports: [OutboxWriter, OutboxSignal, OutboxRepository, OutboxHandlerRegistry, OutboxWorker],
})
export class OutboxModule {}
