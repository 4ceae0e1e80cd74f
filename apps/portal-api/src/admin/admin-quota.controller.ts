import { Body, Controller, Delete, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { DeveloperQuotaService } from '@keyport/admin';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { developerIdParam } from '../http/developer-id-param';
import { AdminDeveloperDto } from './admin-developer.dto';
import { GrantDto, GrantResultDto, SetQuotaDto } from './quota.dto';

@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
@Controller('v1/admin/developers/:id/quota')
export class AdminQuotaController {
  constructor(private readonly quotas: DeveloperQuotaService) {}

  @Put()
  @ApiOperation({ summary: 'Give a developer their own quota' })
  @ApiOkResponse({ type: AdminDeveloperDto, description: 'The developer now has their own quota (their own usage plan)' })
  @ApiErrors(400, 401, 403, 404, 409)
  async set(@Param('id', developerIdParam) id: string, @Body() body: SetQuotaDto): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.quotas.setOverride(id, { limit: body.limit, period: body.period }));
  }

  @Delete()
  @ApiOperation({ summary: "Return a developer to their tier's quota" })
  @ApiOkResponse({ type: AdminDeveloperDto, description: 'Back on the tier’s quota; their own plan is deleted' })
  @ApiErrors(400, 401, 403, 404)
  async clear(@Param('id', developerIdParam) id: string): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.quotas.clearOverride(id));
  }

  @Post('grants')
  @ApiOperation({ summary: 'Add requests to the current quota period only' })
  @ApiCreatedResponse({ type: GrantResultDto, description: 'Requests added to the current quota period' })
  @ApiErrors(400, 401, 403, 404)
  async grant(@Param('id', developerIdParam) id: string, @Body() body: GrantDto): Promise<GrantResultDto> {
    return GrantResultDto.from(await this.quotas.grant(id, body.requests));
  }
}
