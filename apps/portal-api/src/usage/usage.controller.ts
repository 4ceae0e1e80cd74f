import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { type Developer } from '@keyport/developers';
import { UsageService } from '@keyport/usage';
import { ActiveDeveloper } from '../auth/active-developer.decorator';
import { ActiveDeveloperGuard } from '../auth/active-developer.guard';
import { ApiErrors, DEVELOPER_ROUTE_ERRORS } from '../http/api-errors.decorator';
import { UsageDto, UsageQueryDto } from './usage.dto';

@ApiTags('usage')
@ApiBearerAuth()
@ApiErrors(DEVELOPER_ROUTE_ERRORS)
@UseGuards(ActiveDeveloperGuard)
@Controller('v1/usage')
export class UsageController {
  constructor(private readonly usage: UsageService) {}

  @Get()
  @ApiOperation({
    summary: 'Your daily usage and where you stand against your quota',
    description:
      'Requests the gateway admitted, per UTC day and key, from `from` to `to` inclusive (at most 90 days; days without requests ' +
      'are left out), and the quota now: of `keyId` with its rotation predecessors, or without it of your live key closest to its limit.',
  })
  @ApiOkResponse({ type: UsageDto, description: 'Requests per day and key in the range, and the current quota' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async report(@ActiveDeveloper() developer: Developer, @Query() query: UsageQueryDto): Promise<UsageDto> {
    return UsageDto.from(await this.usage.report(developer, query));
  }
}
