import { Body, Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BillingService } from '@keyport/billing';
import { type Developer } from '@keyport/developers';
import { ActiveDeveloper } from '../auth/active-developer.decorator';
import { ActiveDeveloperGuard } from '../auth/active-developer.guard';
import { ApiErrors, DEVELOPER_ROUTE_ERRORS } from '../http/api-errors.decorator';
import { ChangeTierDto, MeDto, TierChangedDto } from './me.dto';

@ApiTags('me')
@ApiBearerAuth()
@ApiErrors(DEVELOPER_ROUTE_ERRORS)
@UseGuards(ActiveDeveloperGuard)
@Controller('v1/me')
export class MeController {
  constructor(private readonly billing: BillingService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in developer', description: 'Profile, tier and status of the developer the access token belongs to.' })
  @ApiOkResponse({ type: MeDto, description: 'The developer' })
  async me(@ActiveDeveloper() developer: Developer): Promise<MeDto> {
    return MeDto.from(developer);
  }

  @Put('tier')
  @ApiOkResponse({
    type: TierChangedDto,
    description:
      'Tier changed; every key moves to the new plan. Moving down from a paid tier takes effect at the end of the paid period (`pendingTier`, `effectiveAt`)',
  })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 402: ['PAYMENT_REQUIRED'], 409: ['SUBSCRIPTION_EXISTS'], 503: ['UNAVAILABLE'] })
  @ApiOperation({
    summary: 'Change tier; every key moves to its plan',
    description:
      'Without billing the change is immediate. With billing, a paid tier answers 402 with `checkoutUrl` (the tier changes once ' +
      'Stripe reports the payment), and moving down from a paid tier takes effect when the paid period ends.',
  })
  async changeTier(@ActiveDeveloper() developer: Developer, @Body() body: ChangeTierDto): Promise<TierChangedDto> {
    return TierChangedDto.from(await this.billing.requestTierChange(developer.id, body.tier));
  }
}
