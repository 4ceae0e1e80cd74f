import { Readable } from 'node:stream';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { UsageExportService, UsageReportsService } from '@keyport/reports';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { QuotaUtilizationDto, TopQueryDto, TopUsageDto, UsageQueryDto, UsageRangeQueryDto, UsageTotalsDto, UtilizationQueryDto } from './usage.dto';

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin')
export class AdminUsageController {
  constructor(
    private readonly reports: UsageReportsService,
    private readonly exports: UsageExportService,
  ) {}

  @Get('usage')
  @ApiOperation({
    summary: 'Usage totals grouped by day, developer, tier or key',
    description:
      'Requests over UTC days `from` to `to` inclusive (at most 366; default the last 30). `groupBy=developer|key` come a page at a time ' +
      '(the next `limit` ids in id order): follow `nextCursor` until null; `total` covers every page.',
  })
  @ApiOkResponse({ type: UsageTotalsDto, description: 'Requests per group over the range' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async totals(@Query() query: UsageQueryDto): Promise<UsageTotalsDto> {
    const range = this.reports.range(query.from, query.to);
    const filter = { tier: query.tier, developerId: query.developerId };
    const totals = await this.reports.totals(range, query.groupBy ?? 'day', filter, { cursor: query.cursor, limit: query.limit ?? 500 });
    return UsageTotalsDto.from(totals);
  }

  @Get('usage/top')
  @ApiOperation({
    summary: 'Heaviest developers with their share of quota',
    description: 'The developers with the most requests over the range, with their requests over the quota of the periods the range touches.',
  })
  @ApiOkResponse({ type: TopUsageDto, description: 'The heaviest developers over the range' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async top(@Query() query: TopQueryDto): Promise<TopUsageDto> {
    const range = this.reports.range(query.from, query.to);
    const items = await this.reports.top(range, query.limit ?? 10);
    return { from: range.from, to: range.to, items };
  }

  @Get('usage/quota-utilization')
  @ApiOperation({
    summary: 'Developers at or above a share of their quota this period',
    description: "This period's requests over quota plus grants, highest first.",
  })
  @ApiOkResponse({ type: QuotaUtilizationDto, description: 'Developers at or above the threshold of their quota this period' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async utilization(@Query() query: UtilizationQueryDto): Promise<QuotaUtilizationDto> {
    return QuotaUtilizationDto.from(await this.reports.quotaUtilization(query.threshold ?? 0.8, query.limit ?? 1000));
  }

  @Get('usage.csv')
  @ApiOperation({
    summary: 'Usage per developer, key and day as streamed CSV',
    description: 'Streamed in (key, day) order, a batch at a time as the client reads; memory does not grow with the range.',
  })
  @ApiOkResponse({
    description: 'One row per developer, key and day: day,developer_id,email,key_id,requests',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  csv(@Query() query: UsageRangeQueryDto): StreamableFile {
    const range = this.reports.range(query.from, query.to);
    // One batch waiting at most: the next is read only once the client has taken the last.
    return new StreamableFile(Readable.from(this.exports.csv(range), { highWaterMark: 1 }), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="usage-${range.from}-${range.to}.csv"`,
    });
  }
}
