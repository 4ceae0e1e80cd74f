export * from './clock';
export * from './common.module';
export * from './domain-error';
export * from './error-codes';
export * from './quota-period';
export * from './random-source';
export * from './request-context';
export * from './private-files';
