import { Module } from '@nestjs/common';
import { DevelopersRepository } from '@keyport/developers';
import { KeysModule } from '@keyport/keys';
import { TiersModule } from '@keyport/tiers';
import { DeveloperPlanCleanupHandler } from './developer-plan-cleanup.handler';
import { KeyPlacement } from './key-placement';
import { KeyProvisionHandler } from './key-provision.handler';
import { KeyRevokeHandler } from './key-revoke.handler';
import { KeySyncHandler } from './key-sync.handler';
import { PlanSyncHandler } from './plan-sync.handler';
import { PlanSync } from './plan-sync.service';
import { QuotaGrantHandler } from './quota-grant.handler';
import { QuotaGrantMarksRepository } from './quota-grant-marks.repository';

/** Outbox handlers that apply Keyport's key and plan changes to the gateway driver. */
@Module({
  imports: [KeysModule, TiersModule],
  // The repository alone: the worker process has no identity provider, which DevelopersModule needs.
  providers: [DevelopersRepository, PlanSync, KeyPlacement, KeyProvisionHandler, KeySyncHandler, KeyRevokeHandler, PlanSyncHandler,
    QuotaGrantMarksRepository, QuotaGrantHandler, DeveloperPlanCleanupHandler],
  exports: [PlanSync, KeyPlacement],
})
export class GatewaySyncModule {}
