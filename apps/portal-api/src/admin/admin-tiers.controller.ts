import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AdminTiersService } from '@keyport/admin';
import { invalid } from '@keyport/common';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { AdminTierDto, UpdateTierDto } from './admin-tier.dto';

const TIER_SLUG = /^[a-z0-9-]{1,64}$/;

@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
@Controller('v1/admin/tiers')
export class AdminTiersController {
  constructor(private readonly tiers: AdminTiersService) {}

  @Get()
  @ApiOperation({ summary: 'List tiers with their usage plan settings' })
  @ApiOkResponse({ type: [AdminTierDto] })
  @ApiErrors(401, 403)
  async list(): Promise<AdminTierDto[]> {
    return (await this.tiers.list()).map(AdminTierDto.fromTier);
  }

  @Put(':slug')
  @ApiOperation({ summary: "Edit a tier's name, throttle or quota; applied to its usage plan" })
  @ApiOkResponse({ type: AdminTierDto, description: 'Tier changed; its usage plan follows shortly' })
  @ApiErrors(400, 401, 403, 404)
  async update(@Param('slug') slug: string, @Body() body: UpdateTierDto): Promise<AdminTierDto> {
    if (!TIER_SLUG.test(slug)) throw invalid('Invalid request', [{ field: 'slug', message: 'must be a tier slug' }]);
    const tier = await this.tiers.update(slug, { name: body.name, throttle: body.throttle && { ...body.throttle }, quota: body.quota && { ...body.quota } });
    return AdminTierDto.fromTier(tier);
  }
}
