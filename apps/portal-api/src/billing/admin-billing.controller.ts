import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BillingService } from '@keyport/billing';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { developerIdParam } from '../http/developer-id-param';
import { ApiUuidParam } from '../http/uuid-param';
import { AdminBillingStatusDto } from './billing.dto';

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/developers')
export class AdminBillingController {
  constructor(private readonly billing: BillingService) {}

  @Get(':id/billing')
  @ApiOperation({
    summary: "A developer's billing state",
    description: 'As GET /v1/billing for the developer, plus their Stripe customer and subscription ids.',
  })
  @ApiOkResponse({ type: AdminBillingStatusDto, description: "The developer's billing state (status `none` while billing is off)" })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async billingState(@Param('id', developerIdParam) id: string): Promise<AdminBillingStatusDto> {
    return AdminBillingStatusDto.from(await this.billing.status(id));
  }
}
