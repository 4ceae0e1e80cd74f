export * from './embedded-gateway.module';
export * from './embedded-gateway.server';
export * from './gateway-state.sync';
export * from './usage.flusher';
