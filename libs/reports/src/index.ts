export * from './day-range';
export * from './reports.module';
export * from './usage-export.service';
export * from './usage-report';
export * from './usage-reports.service';
