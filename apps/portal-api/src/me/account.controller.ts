import { Body, Controller, Delete, HttpCode, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, type Developer, DeveloperDeletionService } from '@keyport/developers';
import { ActiveDeveloper } from '../auth/active-developer.decorator';
import { ActiveDeveloperGuard } from '../auth/active-developer.guard';
import { type AuthenticatedRequest } from '../auth/authenticated-request';
import { ApiErrors, DEVELOPER_ROUTE_ERRORS } from '../http/api-errors.decorator';
import { ChangePasswordDto } from './account.dto';

/** The signed-in developer's own account: password, sessions, deletion. */
@ApiTags('me')
@ApiBearerAuth()
@ApiErrors({ ...DEVELOPER_ROUTE_ERRORS, 503: ['UNAVAILABLE'] })
@UseGuards(ActiveDeveloperGuard)
@Controller('v1/me')
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly deletion: DeveloperDeletionService,
  ) {}

  @Put('password')
  @ApiOperation({ summary: 'Change the password', description: 'Needs the current password. Sessions stay signed in; DELETE /v1/me/sessions ends them.' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'PASSWORD_INCORRECT'] })
  async changePassword(@ActiveDeveloper() developer: Developer, @Req() request: AuthenticatedRequest, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(developer.id, accessTokenOf(request), body.currentPassword, body.newPassword);
  }

  @Delete('sessions')
  @ApiOperation({
    summary: 'Sign out everywhere',
    description:
      'Every refresh token of the account stops working (every browser and client must sign in again); access tokens already issued run out within the hour.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every session ended' })
  async signOutEverywhere(@ActiveDeveloper() developer: Developer, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.auth.signOutEverywhere(developer.id, accessTokenOf(request));
  }

  @Delete()
  @ApiOperation({
    summary: 'Delete my account',
    description:
      'Revokes every key at the gateway, ends any subscription at once, removes the identity from the user pool and releases the e-mail ' +
      '(it may sign up again). The audit trail is kept. Cannot be undone.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Account deleted' })
  async deleteAccount(@ActiveDeveloper() developer: Developer): Promise<void> {
    await this.deletion.delete(developer.id);
  }
}

function accessTokenOf(request: AuthenticatedRequest): string {
  // A programming error, not a client's: these routes run behind the access-token guard.
  if (!request.accessToken) throw new Error('No verified access token on a signed-in route');
  return request.accessToken;
}
