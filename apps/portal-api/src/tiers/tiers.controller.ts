import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TierCatalogue } from '@keyport/billing';
import { Public } from '../auth/public.decorator';
import { OfferedTierDto } from './tier.dto';

@ApiTags('tiers')
@Public()
@Controller('v1/tiers')
export class TiersController {
  constructor(private readonly catalogue: TierCatalogue) {}

  @Get()
  @ApiOperation({
    summary: 'The tiers on offer',
    description:
      'Every tier with the throttle and quota of its usage plan, and with billing on its price as Stripe holds it; pick one with PUT /v1/me/tier ' +
      '(a paid tier answers 402 with a Checkout URL).',
  })
  @ApiOkResponse({ type: [OfferedTierDto], description: 'The tiers' })
  async list(): Promise<OfferedTierDto[]> {
    return (await this.catalogue.list()).map((offered) => OfferedTierDto.fromOffered(offered));
  }
}
