export * from './usage-day';
export * from './usage-report';
export * from './usage.module';
export * from './usage-recorder.service';
export * from './usage.service';
