export * from './usage-day';
export * from './usage-report';
export * from './usage.module';
export * from './usage.repository';
export * from './usage.service';
