import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AdminTiersService } from '@keyport/admin';
import { invalid } from '@keyport/common';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { AdminTierDto, UpdateTierDto } from './admin-tier.dto';

const TIER_SLUG = /^[a-z0-9-]{1,64}$/;

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/tiers')
export class AdminTiersController {
  constructor(private readonly tiers: AdminTiersService) {}

  @Get()
  @ApiOperation({ summary: 'List tiers with their usage plan settings', description: 'Every tier with its throttle, quota and Stripe price.' })
  @ApiOkResponse({ type: [AdminTierDto], description: 'The tiers' })
  async list(): Promise<AdminTierDto[]> {
    return (await this.tiers.list()).map((tier) => AdminTierDto.fromTier(tier));
  }

  @Put(':slug')
  @ApiOperation({
    summary: "Edit a tier's name, throttle or quota; applied to its usage plan",
    description:
      "Fields left out stay as they are. The tier's usage plan follows through the outbox (on AWS at most one plan update per AWS_PLAN_UPDATE_INTERVAL).",
  })
  @ApiParam({ name: 'slug', description: 'Tier slug', schema: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' } })
  @ApiOkResponse({ type: AdminTierDto, description: 'Tier changed; its usage plan follows shortly' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async update(@Param('slug') slug: string, @Body() body: UpdateTierDto): Promise<AdminTierDto> {
    if (!TIER_SLUG.test(slug)) throw invalid('Invalid request', [{ field: 'slug', message: 'must be a tier slug' }]);
    const tier = await this.tiers.update(slug, { name: body.name, throttle: body.throttle && { ...body.throttle }, quota: body.quota && { ...body.quota } });
    return AdminTierDto.fromTier(tier);
  }
}
