export * from './worker.module';
export * from './worker-runner';
export * from './billing-jobs';
