import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorKind } from '@keyport/common';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { NoRateLimit } from '../protection/no-rate-limit.decorator';
import { LiveDto, ReadyDto } from './health.dto';
import { ReadinessService } from './readiness.service';

@ApiTags('health')
@Public()
@NoRateLimit()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers', description: 'Answers as long as the process serves HTTP; checks no dependency.' })
  @HttpCode(200)
  @ApiOkResponse({ type: LiveDto, description: 'The process is up' })
  live(): LiveDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: database, identity provider and gateway answer',
    description: 'Each dependency must answer within 3 s; otherwise 503 with `details` naming the ones that did not, plus `status` and `checks`.',
  })
  @ApiOkResponse({
    type: ReadyDto,
    description: 'Database, identity provider and gateway driver answer; `gateway` reports the driver, key capacity and sync backlog',
  })
  @ApiErrors({ 503: ['UNAVAILABLE'] })
  async ready(): Promise<ReadyDto> {
    const report = await this.readiness.check();
    if (report.status === 'ok') return { status: 'ok', checks: report.checks, gateway: report.gateway };
    const down = Object.entries(report.checks).filter(([, state]) => state !== 'ok');
    // The error shape, plus the old body's fields so probes reading `status`/`checks` keep working.
    throw new DomainError(ErrorKind.Unavailable, 'Not ready: a dependency does not answer', {
      details: down.map(([field]) => ({ field, message: 'unavailable' })),
      extra: { status: 'unavailable', checks: report.checks, gateway: report.gateway },
    });
  }
}
