export * from './admin-outbox-types';
export * from './gateway-sync.module';
export * from './key-placement';
export * from './plan-sync.service';
export * from './plan-sync.handler';
