import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BillingService } from '@keyport/billing';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { developerIdParam } from '../http/developer-id-param';
import { AdminBillingStatusDto } from './billing.dto';

@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
@Controller('v1/admin/developers')
export class AdminBillingController {
  constructor(private readonly billing: BillingService) {}

  @Get(':id/billing')
  @ApiOperation({ summary: "A developer's billing state" })
  @ApiOkResponse({ type: AdminBillingStatusDto, description: "The developer's billing state (status `none` while billing is off)" })
  @ApiErrors(400, 401, 403, 404)
  async billingState(@Param('id', developerIdParam) id: string): Promise<AdminBillingStatusDto> {
    return AdminBillingStatusDto.from(await this.billing.status(id));
  }
}
