import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TiersService } from '@keyport/tiers';
import { Public } from '../auth/public.decorator';
import { TierDto } from './tier.dto';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiTags('tiers')
@Public()
// Every route may answer 429 when the caller passes the portal's own rate limit.
@ApiErrors(429)
@Controller('v1/tiers')
export class TiersController {
  constructor(private readonly tiers: TiersService) {}

  @Get()
  @ApiOperation({ summary: 'The tiers on offer' })
  @ApiOkResponse({ type: [TierDto] })
  async list(): Promise<TierDto[]> {
    return (await this.tiers.list()).map(TierDto.from);
  }
}
