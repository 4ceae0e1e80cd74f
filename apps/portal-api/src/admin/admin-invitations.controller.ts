import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvitationsService } from '@keyport/developers';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiUuidParam, uuidParam } from '../http/uuid-param';
import { CreateInvitationDto, InvitationDto, InvitationListDto } from './invitation.dto';

@ApiTags('admin')
@AdminOnly()
@ApiErrors({ 503: ['UNAVAILABLE'] })
@Controller('v1/admin/invitations')
export class AdminInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @ApiOperation({
    summary: 'Invite a user: Cognito creates them with a temporary password',
    description:
      'Cognito e-mails the temporary password (on the embedded default it is printed in the server log as "Temporary password for <e-mail> ..."). ' +
      'Signing in with it answers NEW_PASSWORD_REQUIRED; POST /v1/auth/new-password sets their own. An invited developer is active at once ' +
      '(no approval needed); an invited admin joins `admin` and sees the console.',
  })
  @ApiCreatedResponse({ type: InvitationDto, description: 'Invited: the temporary password is on its way' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 409: ['EMAIL_TAKEN'] })
  async create(@Body() body: CreateInvitationDto): Promise<InvitationDto> {
    return InvitationDto.from(await this.invitations.invite(body.email, body.admin ?? false));
  }

  @Get()
  @ApiOperation({ summary: 'List invitations, pending and accepted', description: 'Newest first, at most 200.' })
  @ApiOkResponse({ type: InvitationListDto, description: 'Invitations, newest first' })
  async list(): Promise<InvitationListDto> {
    return { items: (await this.invitations.list()).map((invitation) => InvitationDto.from(invitation)) };
  }

  @Post(':id/resend')
  @ApiOperation({ summary: 'Send a new temporary password', description: 'Cognito AdminCreateUser with MessageAction RESEND; the old one stops working.' })
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationDto, description: 'A new temporary password is on its way' })
  @ApiUuidParam('id', 'Invitation id')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['INVITATION_ACCEPTED'] })
  async resend(@Param('id', uuidParam) id: string): Promise<InvitationDto> {
    return InvitationDto.from(await this.invitations.resend(id));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Cancel a pending invitation', description: 'The account Cognito created for it is deleted; the temporary password stops working.' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Cancelled' })
  @ApiUuidParam('id', 'Invitation id')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['INVITATION_ACCEPTED'] })
  async cancel(@Param('id', uuidParam) id: string): Promise<void> {
    await this.invitations.cancel(id);
  }
}
