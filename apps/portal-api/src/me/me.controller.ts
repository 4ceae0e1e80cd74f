import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BillingService } from '@keyport/billing';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { DevelopersService } from '@keyport/developers';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors, DEVELOPER_ROUTE_ERRORS } from '../http/api-errors.decorator';
import { ChangeTierDto, MeDto, TierChangedDto } from './me.dto';

@ApiTags('me')
@ApiBearerAuth()
@ApiErrors(DEVELOPER_ROUTE_ERRORS)
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly developers: DevelopersService,
    private readonly billing: BillingService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in developer', description: 'Profile, tier and status of the developer the access token belongs to.' })
  @ApiOkResponse({ type: MeDto, description: 'The developer' })
  async me(@Principal() principal: VerifiedPrincipal): Promise<MeDto> {
    return MeDto.from(await this.developers.requireActive(principal));
  }

  @Put('tier')
  @ApiOkResponse({
    type: TierChangedDto,
    description: 'Tier changed; every key moves to the new plan. Moving down from a paid tier takes effect at the end of the paid period (`pendingTier`, `effectiveAt`)',
  })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 402: ['PAYMENT_REQUIRED'], 409: ['SUBSCRIPTION_EXISTS'], 503: ['UNAVAILABLE'] })
  @ApiOperation({
    summary: 'Change tier; every key moves to its plan',
    description:
      'Without billing the change is immediate. With billing, a paid tier answers 402 with `checkoutUrl` (the tier changes once ' +
      'Stripe reports the payment), and moving down from a paid tier takes effect when the paid period ends.',
  })
  async changeTier(@Principal() principal: VerifiedPrincipal, @Body() body: ChangeTierDto): Promise<TierChangedDto> {
    const developer = await this.developers.requireActive(principal);
    return TierChangedDto.from(await this.billing.requestTierChange(developer.id, body.tier));
  }
}
