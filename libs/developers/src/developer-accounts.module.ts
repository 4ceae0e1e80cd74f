import { Global, Module } from '@nestjs/common';
import { KeyOwnerLock, KeysModule } from '@keyport/keys';
import { TiersModule } from '@keyport/tiers';
import { DeveloperAccountsService } from './developer-accounts.service';
import { DeveloperQuotaService } from './developer-quota.service';
import { DeveloperSuspensionService } from './developer-suspension.service';
import { DevelopersRepository } from './developers.repository';
import { DeveloperKeyOwnerLock } from './key-owner-lock.adapter';
import { QuotaGrantsRepository } from './quota-grants.repository';
import { TierChanger } from './tier-changer';

/**
 * The developers lib without an identity provider, so the worker can load it too. The one module
 * that provides the developers and quota-grants repositories: every write to those tables is here.
 * Global so that the keys lib's KeysService finds its KeyOwnerLock port (the keys lib cannot import
 * this one: this one imports it).
 */
@Global()
@Module({
  imports: [KeysModule, TiersModule],
  providers: [
    DevelopersRepository,
    QuotaGrantsRepository,
    DeveloperAccountsService,
    DeveloperSuspensionService,
    DeveloperQuotaService,
    TierChanger,
    { provide: KeyOwnerLock, useClass: DeveloperKeyOwnerLock },
  ],
  exports: [
    DevelopersRepository,
    DeveloperAccountsService,
    DeveloperSuspensionService,
    DeveloperQuotaService,
    TierChanger,
    KeyOwnerLock,
    KeysModule,
    TiersModule,
  ],
})
export class DeveloperAccountsModule {}
