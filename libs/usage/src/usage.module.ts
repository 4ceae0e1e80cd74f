import { Module } from '@nestjs/common';
import { DeveloperAccountsModule } from '@keyport/developers';
import { UsageRecorderService } from './usage-recorder.service';
import { UsageRepository } from './usage.repository';
import { UsageService } from './usage.service';

@Module({
  imports: [DeveloperAccountsModule],
  providers: [UsageRepository, UsageRecorderService, UsageService],
  exports: [UsageRecorderService, UsageService],
})
export class UsageModule {}
