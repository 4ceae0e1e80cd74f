import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { EmailProperty } from '../http/email-property';
import { type Invitation } from '@keyport/developers';

export class CreateInvitationDto {
  @EmailProperty('E-mail address to invite; Cognito sends the temporary password there')
  email!: string;

  @ApiPropertyOptional({ description: 'Invite an admin (member of `admin`, sees the console) instead of a developer', default: false })
  @IsOptional()
  @IsBoolean()
  admin?: boolean;
}

export class InvitationDto {
  @ApiProperty({ description: 'Invitation id', format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'E-mail address invited', format: 'email' })
  email!: string;

  @ApiProperty({ description: "The invited user's id (their Cognito sub)", format: 'uuid' })
  userId!: string;

  @ApiProperty({ description: 'Invited as an admin' })
  admin!: boolean;

  @ApiProperty({ description: '`pending` until the user signs in and sets their own password, then `accepted`', enum: ['pending', 'accepted'] })
  status!: 'pending' | 'accepted';

  @ApiProperty({ description: 'When the temporary password was last sent', format: 'date-time' })
  lastSentAt!: string;

  @ApiProperty({ description: 'When the invitation was made', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'When the user set their own password', format: 'date-time', nullable: true, type: String })
  acceptedAt!: string | null;

  static from(invitation: Invitation): InvitationDto {
    return {
      id: invitation.id,
      email: invitation.email,
      userId: invitation.userId,
      admin: invitation.admin,
      status: invitation.acceptedAt ? 'accepted' : 'pending',
      lastSentAt: invitation.lastSentAt.toISOString(),
      createdAt: invitation.createdAt.toISOString(),
      acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    };
  }
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto], description: 'Invitations, newest first (at most 200)' })
  items!: InvitationDto[];
}
