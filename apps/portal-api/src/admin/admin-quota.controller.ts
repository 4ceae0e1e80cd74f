import { Body, Controller, Delete, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { DeveloperQuotaService } from '@keyport/developers';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { developerIdParam } from '../http/developer-id-param';
import { ApiUuidParam } from '../http/uuid-param';
import { AdminDeveloperDto } from './admin-developer.dto';
import { GrantDto, GrantResultDto, SetQuotaDto } from './quota.dto';

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/developers/:id/quota')
export class AdminQuotaController {
  constructor(private readonly quotas: DeveloperQuotaService) {}

  @Put()
  @ApiOperation({
    summary: 'Give a developer their own quota',
    description: "Replaces the tier's quota with the developer's own usage plan (their tier's throttle, this quota); 409 when MAX_USAGE_PLANS plans exist.",
  })
  @ApiOkResponse({ type: AdminDeveloperDto, description: 'The developer now has their own quota (their own usage plan)' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['USAGE_PLAN_LIMIT_REACHED'] })
  async set(@Param('id', developerIdParam) id: string, @Body() body: SetQuotaDto): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.quotas.setOverride(id, { limit: body.limit, period: body.period }));
  }

  @Delete()
  @ApiOperation({
    summary: "Return a developer to their tier's quota",
    description: 'Their keys move back to the tier plan and their own plan is deleted; 404 when they have no quota of their own.',
  })
  @ApiOkResponse({ type: AdminDeveloperDto, description: 'Back on the tier’s quota; their own plan is deleted' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async clear(@Param('id', developerIdParam) id: string): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.quotas.clearOverride(id));
  }

  @Post('grants')
  @ApiOperation({
    summary: 'Add requests to the current quota period only',
    description: "Adds the requests to each live key's remaining quota until the period resets.",
  })
  @ApiCreatedResponse({ type: GrantResultDto, description: 'Requests added to the current quota period' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async grant(@Param('id', developerIdParam) id: string, @Body() body: GrantDto): Promise<GrantResultDto> {
    return GrantResultDto.from(await this.quotas.grant(id, body.requests));
  }
}
