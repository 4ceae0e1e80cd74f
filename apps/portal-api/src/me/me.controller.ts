import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BillingService } from '@keyport/billing';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { DevelopersService } from '@keyport/developers';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { ChangeTierDto, MeDto, TierChangedDto } from './me.dto';

@ApiTags('me')
@ApiBearerAuth()
// Every route may answer 429 when the caller passes the portal's own rate limit.
@ApiErrors(429)
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly developers: DevelopersService,
    private readonly billing: BillingService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in developer' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(401, 403)
  async me(@Principal() principal: VerifiedPrincipal): Promise<MeDto> {
    return MeDto.from(await this.developers.requireActive(principal));
  }

  @Put('tier')
  @ApiOkResponse({
    type: TierChangedDto,
    description: 'Tier changed; every key moves to the new plan. Moving down from a paid tier takes effect at the end of the paid period (`pendingTier`, `effectiveAt`)',
  })
  @ApiErrors(400, 401, 402, 403, 409, 503)
  @ApiOperation({ summary: 'Change tier; every key moves to its plan (402 with a checkout URL when the tier must be paid for)' })
  async changeTier(@Principal() principal: VerifiedPrincipal, @Body() body: ChangeTierDto): Promise<TierChangedDto> {
    const developer = await this.developers.requireActive(principal);
    return TierChangedDto.from(await this.billing.requestTierChange(developer.id, body.tier));
  }
}
