export * from './logger.factory';
export * from './metrics';
export * from './observability.module';
export * from './pino-nest.logger';
export * from './root-logger';
export * from './secret-scrubber';
export * from './shutdown-deadline';
export * from './metrics-access';
