import { Module } from '@nestjs/common';
import { BillingModule } from '@keyport/billing';
import { DevelopersModule } from '@keyport/developers';
import { KeysModule } from '@keyport/keys';
import { TiersModule } from '@keyport/tiers';
import { AdminTiersService } from './admin-tiers.service';
import { DeveloperControlsRepository } from './developer-controls.repository';
import { DeveloperDirectoryRepository } from './developer-directory.repository';
import { DeveloperDirectoryService } from './developer-directory.service';
import { DeveloperQuotaService } from './developer-quota.service';
import { DeveloperRoleService } from './developer-role.service';
import { DeveloperSuspensionService } from './developer-suspension.service';
import { DeveloperTierService } from './developer-tier.service';

/** What admins do to developers and tiers: look up, suspend, set quotas, grant, change and edit tiers. */
@Module({
  imports: [DevelopersModule, KeysModule, TiersModule, BillingModule],
  providers: [
    DeveloperDirectoryRepository,
    DeveloperControlsRepository,
    DeveloperDirectoryService,
    DeveloperSuspensionService,
    DeveloperQuotaService,
    DeveloperTierService,
    AdminTiersService,
    DeveloperRoleService,
  ],
  exports: [DeveloperDirectoryService, DeveloperSuspensionService, DeveloperQuotaService, DeveloperTierService, AdminTiersService, DeveloperRoleService],
})
export class AdminModule {}
