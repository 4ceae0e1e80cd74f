import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SecurityAuditService } from '@keyport/security-posture';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { SecurityHistoryDto, SecurityHistoryQueryDto, SecurityQueryDto, SecurityReportDto } from './security.dto';

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/security')
export class AdminSecurityController {
  constructor(private readonly audit: SecurityAuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Security posture audit of the gateway',
    description:
      'Reads the live gateway configuration and checks it layer by layer (authentication, authorization, encryption, rate limiting, network isolation, WAF, logging). The result is kept for SECURITY_AUDIT_TTL; `fresh=1` audits now.',
  })
  @ApiOkResponse({ type: SecurityReportDto, description: 'Every check with its status, resource and fix' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 503: ['UNAVAILABLE'] })
  async report(@Query() query: SecurityQueryDto): Promise<SecurityReportDto> {
    return SecurityReportDto.from(await this.audit.report({ fresh: query.fresh === '1' || query.fresh === 'true' }));
  }

  @Get('history')
  @ApiOperation({
    summary: 'Security audits kept over time',
    description: 'Each audit run (the worker audits daily), newest first, with the fails that were new in it.',
  })
  @ApiOkResponse({ type: SecurityHistoryDto, description: 'Audit runs, newest first' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async history(@Query() query: SecurityHistoryQueryDto): Promise<SecurityHistoryDto> {
    return SecurityHistoryDto.from(await this.audit.recentRuns(query.limit ?? 30));
  }
}
