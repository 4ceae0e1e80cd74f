export * from './audit-entry';
export * from './audit-log';
export * from './audit-log.reader';
export * from './audit.module';
