import { Module } from '@nestjs/common';
import { UsageExportRepository } from './usage-export.repository';
import { UsageExportService } from './usage-export.service';
import { UsageReportsRepository } from './usage-reports.repository';
import { UsageReportsService } from './usage-reports.service';

/** Admin usage reports over the daily usage store and its rollups. */
@Module({
  providers: [UsageReportsRepository, UsageReportsService, UsageExportRepository, UsageExportService],
  exports: [UsageReportsService, UsageExportService],
})
export class ReportsModule {}
