import { Module } from '@nestjs/common';
import { DevelopersModule } from '@keyport/developers';
import { KeysModule } from '@keyport/keys';
import { TiersModule } from '@keyport/tiers';
import { AdminTiersService } from './admin-tiers.service';
import { DeveloperControlsRepository } from './developer-controls.repository';
import { DeveloperDirectoryRepository } from './developer-directory.repository';
import { DeveloperDirectoryService } from './developer-directory.service';
import { DeveloperQuotaService } from './developer-quota.service';
import { DeveloperSuspensionService } from './developer-suspension.service';

/** What admins do to developers and tiers: look up, suspend, set quotas, grant, edit tiers. */
@Module({
  imports: [DevelopersModule, KeysModule, TiersModule],
  providers: [
    DeveloperDirectoryRepository,
    DeveloperControlsRepository,
    DeveloperDirectoryService,
    DeveloperSuspensionService,
    DeveloperQuotaService,
    AdminTiersService,
  ],
  exports: [DeveloperDirectoryService, DeveloperSuspensionService, DeveloperQuotaService, AdminTiersService],
})
export class AdminModule {}
