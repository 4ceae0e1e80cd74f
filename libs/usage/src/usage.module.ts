import { Module } from '@nestjs/common';
import { DeveloperAccountsModule } from '@keyport/developers';
import { UsageRepository } from './usage.repository';
import { UsageService } from './usage.service';

@Module({
  imports: [DeveloperAccountsModule],
  providers: [UsageRepository, UsageService],
  exports: [UsageRepository, UsageService],
})
export class UsageModule {}
