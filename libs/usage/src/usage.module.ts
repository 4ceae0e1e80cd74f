import { Module } from '@nestjs/common';
import { KeysModule } from '@keyport/keys';
import { TiersModule } from '@keyport/tiers';
import { QuotaGrantsReader } from './quota-grants.reader';
import { UsageRepository } from './usage.repository';
import { UsageService } from './usage.service';

@Module({
  imports: [KeysModule, TiersModule],
  providers: [UsageRepository, UsageService, QuotaGrantsReader],
  exports: [UsageRepository, UsageService],
})
export class UsageModule {}
