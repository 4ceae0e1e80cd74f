export * from './outbox-backlog.service';
export * from './outbox-handler.registry';
export * from './outbox-item';
export * from './outbox-message';
export * from './outbox.module';
export * from './outbox.signal';
export * from './outbox.worker';
export * from './outbox.writer';
