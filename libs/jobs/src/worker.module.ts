import { Module } from '@nestjs/common';
import { BillingModule } from '@keyport/billing';
import { GatewaySyncModule } from '@keyport/gateway-sync';
import { KeysModule } from '@keyport/keys';
import { SecurityAuditScheduleModule } from '@keyport/security-posture';
import { BillingJobs } from './billing-jobs';
import { GatewayJobsRunner } from './gateway-jobs.runner';
import { WorkerRunner } from './worker-runner';

/** The background work: applying the outbox and periodic jobs. Runs in the API process or alone. */
@Module({
  imports: [GatewaySyncModule, KeysModule, BillingModule, SecurityAuditScheduleModule],
  providers: [WorkerRunner, BillingJobs, GatewayJobsRunner],
})
export class WorkerModule {}
