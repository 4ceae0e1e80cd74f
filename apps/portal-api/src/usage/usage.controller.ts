import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { DevelopersService } from '@keyport/developers';
import { UsageService } from '@keyport/usage';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors, DEVELOPER_ROUTE_ERRORS } from '../http/api-errors.decorator';
import { UsageDto, UsageQueryDto } from './usage.dto';

@ApiTags('usage')
@ApiBearerAuth()
@ApiErrors(DEVELOPER_ROUTE_ERRORS)
@Controller('v1/usage')
export class UsageController {
  constructor(
    private readonly usage: UsageService,
    private readonly developers: DevelopersService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Your daily usage and where you stand against your quota',
    description:
      'Requests the gateway admitted, per UTC day and key, from `from` to `to` inclusive (at most 90 days; days without requests ' +
      'are left out), and the quota now: of `keyId` with its rotation predecessors, or without it of your live key closest to its limit.',
  })
  @ApiOkResponse({ type: UsageDto, description: 'Requests per day and key in the range, and the current quota' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async report(@Principal() principal: VerifiedPrincipal, @Query() query: UsageQueryDto): Promise<UsageDto> {
    const developer = await this.developers.requireActive(principal);
    return UsageDto.from(await this.usage.report(developer, query));
  }
}
