import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { UsageIngestionService } from '@keyport/gateway-sync';
import { AdminOnly } from '../auth/admin-only.decorator';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { UsageSyncDto, UsageSyncResultDto } from './admin-gateway.dto';

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/gateway')
export class AdminGatewayController {
  constructor(private readonly usage: UsageIngestionService) {}

  @Post('usage-sync')
  @ApiOperation({
    summary: 'Ingest usage from API Gateway now (AWS driver)',
    description:
      'Reads the last `days` days of usage from API Gateway (GetUsage) into the daily usage store, as the worker does on a schedule. The run is recorded with the admin who started it (GET /v1/admin/gateway/status shows it).',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: UsageSyncResultDto, description: 'Usage read from the gateway now (on the local driver there is nothing to read)' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 503: ['UNAVAILABLE'] })
  async usageSync(@Body() body: UsageSyncDto, @Principal() principal: VerifiedPrincipal): Promise<UsageSyncResultDto> {
    return this.usage.runOnDemand(principal.userId, body.days);
  }
}
