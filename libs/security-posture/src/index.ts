export * from './check-catalogue';
export * from './finding';
export * from './security-audit-schedule.module';
export { type AuditRunSummary } from './security-audit-history.repository';
export * from './security-audit.service';
export * from './security-posture.module';
