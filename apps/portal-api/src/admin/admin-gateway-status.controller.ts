import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GatewayUnavailableError } from '@keyport/api-gateway';
import { unavailable } from '@keyport/common';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { GatewayJobHistory, GatewayReconcilerService, GatewayStatusService } from '@keyport/gateway-sync';
import { AdminOnly } from '../auth/admin-only.decorator';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { GatewayConsoleStatusDto, ReconcileReportDto } from './gateway-status.dto';

/** What the console's Gateway page shows, and its reconciliation dry run. */
@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/gateway')
export class AdminGatewayStatusController {
  constructor(
    private readonly status: GatewayStatusService,
    private readonly history: GatewayJobHistory,
    private readonly reconciler: GatewayReconcilerService,
  ) {}

  @Get('status')
  @ApiOperation({
    summary: 'The gateway: driver, outbox depth and oldest item, last usage ingestion and reconciliation',
    description:
      'Everything comes from the database, so a worker in its own process shows here too: the outbox, the last ended run of each job (ok, failed, or interrupted when its process stopped mid-run) and the runs going on now.',
  })
  @ApiOkResponse({ type: GatewayConsoleStatusDto, description: 'The gateway as Keyport sees it now' })
  async get(): Promise<GatewayConsoleStatusDto> {
    const [status, runs] = await Promise.all([this.status.report(), this.history.last()]);
    return GatewayConsoleStatusDto.from(status, runs);
  }

  @Post('reconciliation/dry-run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Compare the gateway with Keyport without changing anything',
    description:
      'Lists the drift a reconciliation would repair (missing or stray plans and keys, wrong plan, wrong enabled state); changes nothing. The run is recorded with the admin who started it.',
  })
  @ApiOkResponse({ type: ReconcileReportDto, description: 'What a reconciliation would repair' })
  @ApiErrors({ 503: ['UNAVAILABLE'] })
  async dryRun(@Principal() principal: VerifiedPrincipal): Promise<ReconcileReportDto> {
    try {
      return ReconcileReportDto.from(await this.reconciler.run({ dryRun: true, trigger: { by: 'admin', adminId: principal.userId } }));
    } catch (error) {
      if (error instanceof GatewayUnavailableError) throw unavailable('The gateway did not answer; try again later');
      throw error;
    }
  }
}
