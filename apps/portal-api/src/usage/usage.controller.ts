import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { DevelopersService } from '@keyport/developers';
import { UsageService } from '@keyport/usage';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { UsageDto, UsageQueryDto } from './usage.dto';

@ApiTags('usage')
@ApiBearerAuth()
@Controller('v1/usage')
export class UsageController {
  constructor(
    private readonly usage: UsageService,
    private readonly developers: DevelopersService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your daily usage and where you stand against your quota' })
  @ApiOkResponse({ type: UsageDto, description: 'Requests per day and key in the range, and the current quota' })
  @ApiErrors(400, 401, 403, 404)
  async report(@Principal() principal: VerifiedPrincipal, @Query() query: UsageQueryDto): Promise<UsageDto> {
    const developer = await this.developers.requireActive(principal);
    return UsageDto.from(await this.usage.report(developer, query));
  }
}
