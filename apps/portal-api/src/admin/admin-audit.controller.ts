import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuditLogReader } from '@keyport/audit';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { AuditPageDto, AuditQueryDto } from './audit.dto';

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/audit-log')
export class AdminAuditController {
  constructor(private readonly audit: AuditLogReader) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log, newest first, filtered and paged',
    description: 'Every admin action and security event, with actor, target, the state before and after, and the request id. Follow `nextCursor` until null.',
  })
  @ApiOkResponse({ type: AuditPageDto, description: 'Admin actions and security events, newest first' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.page({
      actor: query.actor,
      target: query.target,
      action: query.action,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      cursor: query.cursor,
      limit: query.limit ?? 100,
    });
    return AuditPageDto.from(page);
  }
}
