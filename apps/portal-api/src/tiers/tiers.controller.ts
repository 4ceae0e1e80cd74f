import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TiersService } from '@keyport/tiers';
import { Public } from '../auth/public.decorator';
import { TierDto } from './tier.dto';

@ApiTags('tiers')
@Controller('v1/tiers')
export class TiersController {
  constructor(private readonly tiers: TiersService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: [TierDto] })
  async list(): Promise<TierDto[]> {
    return (await this.tiers.list()).map(TierDto.from);
  }
}
