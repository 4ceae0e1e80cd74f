import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { EmailProperty } from '../http/email-property';

export class EmailDto {
  @EmailProperty('E-mail address of the account')
  email!: string;
}

export class SignUpDto {
  @EmailProperty('E-mail address; becomes the sign-in name')
  email!: string;

  @ApiProperty({
    description: 'At least 8 characters with a lowercase letter, an uppercase letter, a digit and a symbol',
    example: 'Correct-Horse-9',
    maxLength: 256,
  })
  @IsString()
  @MaxLength(256)
  password!: string;
}

export class LoginDto extends SignUpDto {}

export class ConfirmDto {
  @EmailProperty('E-mail address used at sign-up')
  email!: string;

  @ApiProperty({
    description: 'Confirmation code e-mailed by Cognito (on the embedded default, printed in the server log)',
    minLength: 1,
    maxLength: 64,
    example: '123456',
  })
  @IsString()
  @Length(1, 64)
  code!: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'Refresh token from sign-in; left out by a browser whose session cookie holds it', minLength: 1, maxLength: 8192 })
  @IsOptional()
  @IsString()
  @Length(1, 8192)
  refreshToken?: string;
}

export class LogoutDto extends RefreshDto {}

export class ResetPasswordDto {
  @EmailProperty('E-mail address of the account')
  email!: string;

  @ApiProperty({
    description: 'Code from POST /v1/auth/forgot-password (e-mailed; on the embedded default, printed in the server log)',
    minLength: 1,
    maxLength: 64,
    example: '123456',
  })
  @IsString()
  @Length(1, 64)
  code!: string;

  @ApiProperty({ description: 'The new password (the same policy as at sign-up)', example: 'Correct-Horse-10', maxLength: 256 })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}

export class SignUpResponseDto {
  @ApiProperty({ description: 'Id of the new developer (the Cognito user sub)', format: 'uuid' })
  userId!: string;

  @ApiProperty({ description: 'Whether the account is already confirmed' })
  confirmed!: boolean;
}

export class TokensResponseDto {
  @ApiProperty({ description: 'Cognito access token: send as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @ApiProperty({ description: 'Cognito ID token (identity claims; not accepted by this API)' })
  idToken!: string;

  @ApiPropertyOptional({ description: 'Refresh token (left out in the answer to a refresh)' })
  refreshToken?: string;

  @ApiProperty({ description: 'Seconds until the access token expires', type: 'integer', minimum: 0, example: 3600 })
  expiresIn!: number;
}

export class NewPasswordChallengeDto {
  @ApiProperty({ description: 'The password was temporary (an invitation): choose your own with POST /v1/auth/new-password', enum: ['NEW_PASSWORD_REQUIRED'] })
  challenge!: 'NEW_PASSWORD_REQUIRED';

  @ApiProperty({ description: 'Send back to POST /v1/auth/new-password; valid for 3 minutes, once' })
  session!: string;
}

export class NewPasswordDto {
  @EmailProperty('E-mail address the invitation was sent to')
  email!: string;

  @ApiProperty({ description: 'The `session` from the sign-in that answered NEW_PASSWORD_REQUIRED', minLength: 1, maxLength: 8192 })
  @IsString()
  @Length(1, 8192)
  session!: string;

  @ApiProperty({
    description: 'Your own password: at least 8 characters with a lowercase letter, an uppercase letter, a digit and a symbol',
    example: 'Correct-Horse-9',
    maxLength: 256,
  })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}
