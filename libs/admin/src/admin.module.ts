import { Module } from '@nestjs/common';
import { BillingModule } from '@keyport/billing';
import { DeveloperAccountsModule } from '@keyport/developers';
import { ReportsModule } from '@keyport/reports';
import { AdminTiersService } from './admin-tiers.service';
import { DeveloperDirectoryService } from './developer-directory.service';
import { DeveloperRoleService } from './developer-role.service';
import { DeveloperTierService } from './developer-tier.service';

/**
 * What admins look up and edit that spans libs: developer profiles, tier changes through billing,
 * tier edits. Status and quota changes are the developers lib's (DeveloperSuspensionService, DeveloperQuotaService).
 */
@Module({
  imports: [DeveloperAccountsModule, BillingModule, ReportsModule],
  providers: [DeveloperDirectoryService, DeveloperTierService, AdminTiersService, DeveloperRoleService],
  exports: [DeveloperDirectoryService, DeveloperTierService, AdminTiersService, DeveloperRoleService, DeveloperAccountsModule],
})
export class AdminModule {}
