import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TiersService } from '@keyport/tiers';
import { Public } from '../auth/public.decorator';
import { TierDto } from './tier.dto';

@ApiTags('tiers')
@Public()
@Controller('v1/tiers')
export class TiersController {
  constructor(private readonly tiers: TiersService) {}

  @Get()
  @ApiOperation({ summary: 'The tiers on offer', description: 'Every tier with the throttle and quota of its usage plan; pick one with PUT /v1/me/tier.' })
  @ApiOkResponse({ type: [TierDto], description: 'The tiers' })
  async list(): Promise<TierDto[]> {
    return (await this.tiers.list()).map(TierDto.from);
  }
}
