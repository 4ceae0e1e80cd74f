import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeveloperRoleService } from '@keyport/admin';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { AdminOnly } from '../auth/admin-only.decorator';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { developerIdParam } from '../http/developer-id-param';
import { ApiUuidParam } from '../http/uuid-param';
import { RoleDto } from './developer-role.dto';

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/developers/:id/role')
export class AdminDeveloperRoleController {
  constructor(private readonly roles: DeveloperRoleService) {}

  @Get()
  @ApiOperation({ summary: "A user's role", description: 'Whether the user is in the Cognito group `admin`.' })
  @ApiOkResponse({ type: RoleDto, description: 'The role' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 503: ['UNAVAILABLE'] })
  async get(@Param('id', developerIdParam) id: string): Promise<RoleDto> {
    return { role: await this.roles.roleOf(id) };
  }

  @Put()
  @ApiOperation({
    summary: 'Make a user an admin, or remove their admin role',
    description: 'Cognito group membership; it shows in their next access token. You cannot remove your own admin role, and the last admin stays one.',
  })
  @ApiOkResponse({ type: RoleDto, description: 'The role now' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['CANNOT_REMOVE_OWN_ADMIN', 'LAST_ADMIN'], 503: ['UNAVAILABLE'] })
  async set(@Param('id', developerIdParam) id: string, @Body() body: RoleDto, @Principal() principal: VerifiedPrincipal): Promise<RoleDto> {
    return { role: await this.roles.setRole(id, body.role, principal.userId) };
  }
}
