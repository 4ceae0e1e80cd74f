import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GatewayUnavailableError } from '@keyport/api-gateway';
import { unavailable } from '@keyport/common';
import { GatewayJobHistory, GatewayReconcilerService, GatewayStatusService } from '@keyport/gateway-sync';
import { AdminOnly } from '../auth/admin-only.decorator';
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
    description: "The outbox's figures come from the database; the last runs are this process's own (a separate worker keeps its own).",
  })
  @ApiOkResponse({ type: GatewayConsoleStatusDto, description: 'The gateway as Keyport sees it now' })
  async get(): Promise<GatewayConsoleStatusDto> {
    return GatewayConsoleStatusDto.from(await this.status.report(), this.history.lastRun('usageIngestion'), this.history.lastRun('reconciliation'));
  }

  @Post('reconciliation/dry-run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Compare the gateway with Keyport without changing anything',
    description: 'Lists the drift a reconciliation would repair (missing or stray plans and keys, wrong plan, wrong enabled state); changes nothing.',
  })
  @ApiOkResponse({ type: ReconcileReportDto, description: 'What a reconciliation would repair' })
  @ApiErrors({ 503: ['UNAVAILABLE'] })
  async dryRun(): Promise<ReconcileReportDto> {
    try {
      return ReconcileReportDto.from(await this.reconciler.run({ dryRun: true }));
    } catch (error) {
      if (error instanceof GatewayUnavailableError) throw unavailable('The gateway did not answer; try again later');
      throw error;
    }
  }
}
