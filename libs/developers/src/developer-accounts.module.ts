import { Module } from '@nestjs/common';
import { KeysModule } from '@keyport/keys';
import { TiersModule } from '@keyport/tiers';
import { DeveloperAccountsService } from './developer-accounts.service';
import { DeveloperQuotaService } from './developer-quota.service';
import { DeveloperSuspensionService } from './developer-suspension.service';
import { DevelopersRepository } from './developers.repository';
import { QuotaGrantsRepository } from './quota-grants.repository';
import { TierChanger } from './tier-changer';

/**
 * The developers lib without an identity provider, so the worker can load it too. The one module
 * that provides the developers and quota-grants repositories: every write to those tables is here.
 */
@Module({
  imports: [KeysModule, TiersModule],
  providers: [DevelopersRepository, QuotaGrantsRepository, DeveloperAccountsService, DeveloperSuspensionService, DeveloperQuotaService, TierChanger],
  exports: [DevelopersRepository, DeveloperAccountsService, DeveloperSuspensionService, DeveloperQuotaService, TierChanger, KeysModule, TiersModule],
})
export class DeveloperAccountsModule {}
