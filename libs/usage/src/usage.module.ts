import { Module } from '@nestjs/common';
import { DeveloperAccountsModule } from '@keyport/developers';
import { UsageRecorder } from './usage-recorder.service';
import { UsageRepository } from './usage.repository';
import { UsageService } from './usage.service';

@Module({
  imports: [DeveloperAccountsModule],
  providers: [UsageRepository, UsageRecorder, UsageService],
  exports: [UsageRecorder, UsageService],
})
export class UsageModule {}
