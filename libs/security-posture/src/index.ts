export * from './audit-run-summary';
export * from './check-catalogue';
export * from './finding';
export * from './security-audit-schedule.module';
export * from './security-audit.service';
export * from './security-posture.module';
