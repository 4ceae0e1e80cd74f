import { Module } from '@nestjs/common';
import { SecurityAuditScheduler } from './security-audit.scheduler';
import { SecurityPostureModule } from './security-posture.module';

/** The worker's daily audit (imported by the worker, never by an API-only process). */
@Module({ imports: [SecurityPostureModule], providers: [SecurityAuditScheduler] })
export class SecurityAuditScheduleModule {}
