import { Module } from '@nestjs/common';
import { DeveloperAccountsModule } from '@keyport/developers';
import { UsageModule } from '@keyport/usage';
import { DeveloperPlanCleanupHandler } from './developer-plan-cleanup.handler';
import { GatewayBootstrapService } from './gateway-bootstrap.service';
import { GatewayJobHistory } from './gateway-job-history.service';
import { GatewayJobRunsRepository } from './gateway-job-runs.repository';
import { GatewayReconcilerService } from './gateway-reconciler.service';
import { GatewayStatusService } from './gateway-status.service';
import { KeyPlacement } from './key-placement';
import { KeyPlacementsRepository } from './key-placements.repository';
import { KeyProvisionHandler } from './key-provision.handler';
import { KeyRevokeHandler } from './key-revoke.handler';
import { KeySyncHandler } from './key-sync.handler';
import { PlanSyncHandler } from './plan-sync.handler';
import { PlanSyncService } from './plan-sync.service';
import { QuotaGrantHandler } from './quota-grant.handler';
import { QuotaGrantMarksRepository } from './quota-grant-marks.repository';
import { UsageIngestionService } from './usage-ingestion.service';

/** Outbox handlers that apply Keyport's key and plan changes to the gateway driver, and the jobs that keep both in line. */
@Module({
  imports: [DeveloperAccountsModule, UsageModule],
  providers: [
    QuotaGrantMarksRepository,
    QuotaGrantHandler,
    DeveloperPlanCleanupHandler,
    PlanSyncService,
    KeyPlacement,
    KeyPlacementsRepository,
    KeyProvisionHandler,
    KeySyncHandler,
    KeyRevokeHandler,
    PlanSyncHandler,
    GatewayBootstrapService,
    GatewayReconcilerService,
    UsageIngestionService,
    GatewayStatusService,
    GatewayJobHistory,
    GatewayJobRunsRepository,
  ],
  exports: [PlanSyncService, KeyPlacement, GatewayBootstrapService, GatewayReconcilerService, UsageIngestionService, GatewayStatusService, GatewayJobHistory],
})
export class GatewaySyncModule {}
