import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeveloperDirectoryService, DeveloperSuspensionService, DeveloperTierService } from '@keyport/admin';
import { DevelopersService } from '@keyport/developers';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { developerIdParam } from '../http/developer-id-param';
import { ChangeTierDto } from '../me/me.dto';
import { AdminDeveloperDetailDto, AdminDeveloperDto, DeveloperPageDto, ListDevelopersQueryDto, SuspendDto } from './admin-developer.dto';

@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
// Every route may answer 429 when the caller passes the portal's own rate limit.
@ApiErrors(429)
@Controller('v1/admin/developers')
export class AdminDevelopersController {
  constructor(
    private readonly developers: DevelopersService,
    private readonly directory: DeveloperDirectoryService,
    private readonly suspension: DeveloperSuspensionService,
    private readonly tiers: DeveloperTierService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List developers (search by e-mail, tier, status; cursor paging)' })
  @ApiOkResponse({ type: DeveloperPageDto, description: 'Developers in sign-up order, a page at a time' })
  @ApiErrors(400, 401, 403)
  async list(@Query() query: ListDevelopersQueryDto): Promise<DeveloperPageDto> {
    const status = query.status === undefined ? undefined : query.status === 'active' ? 'ACTIVE' : 'SUSPENDED';
    const page = await this.directory.list({ search: query.search, tier: query.tier, status }, query.cursor, query.limit ?? 50);
    return DeveloperPageDto.from(page);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A developer: profile, tier, keys, quota override, billing, usage this period' })
  @ApiOkResponse({ type: AdminDeveloperDetailDto })
  @ApiErrors(400, 401, 403, 404)
  async get(@Param('id', developerIdParam) id: string): Promise<AdminDeveloperDetailDto> {
    return AdminDeveloperDetailDto.fromDetail(await this.directory.detail(id));
  }

  @Post(':id/confirm')
  @ApiOperation({ summary: "Confirm a developer's sign-up (admin)" })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Sign-up confirmed without the e-mailed code' })
  @ApiErrors(400, 401, 403, 404)
  async confirm(@Param('id', developerIdParam) id: string): Promise<void> {
    await this.developers.adminConfirm(id);
  }

  @Put(':id/tier')
  @ApiOperation({ summary: "Change a developer's tier; every key moves plan" })
  @ApiOkResponse({
    type: AdminDeveloperDto,
    description: 'Tier changed at once and never billed; every key moves to the new plan, and a subscription paying for another tier ends now',
  })
  @ApiErrors(400, 401, 403, 404)
  async changeTier(@Param('id', developerIdParam) id: string, @Body() body: ChangeTierDto): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.tiers.change(id, body.tier));
  }

  @Post(':id/suspend')
  @ApiOperation({ summary: 'Suspend a developer: every key disabled, own routes 403' })
  @HttpCode(200)
  @ApiOkResponse({ type: AdminDeveloperDto, description: 'Suspended: every key is disabled and the developer’s routes answer 403' })
  @ApiErrors(400, 401, 403, 404, 409)
  async suspend(@Param('id', developerIdParam) id: string, @Body() body: SuspendDto): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.suspension.suspend(id, body.reason));
  }

  @Post(':id/reinstate')
  @ApiOperation({ summary: 'Reinstate a suspended developer' })
  @HttpCode(200)
  @ApiOkResponse({ type: AdminDeveloperDto, description: 'Reinstated: keys work again' })
  @ApiErrors(400, 401, 403, 404, 409)
  async reinstate(@Param('id', developerIdParam) id: string): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.suspension.reinstate(id));
  }
}
