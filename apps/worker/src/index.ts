export * from './worker.module';
export * from './worker-runner';
