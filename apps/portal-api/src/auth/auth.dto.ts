import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class SignUpDto {
  @ApiProperty({ description: 'E-mail address; becomes the sign-in name', example: 'dev@example.com' })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    description: 'At least 8 characters with a lowercase letter, an uppercase letter, a digit and a symbol',
    example: 'Correct-Horse-9',
  })
  @IsString()
  @MaxLength(256)
  password!: string;
}

export class LoginDto extends SignUpDto {}

export class ConfirmDto {
  @ApiProperty({ description: 'E-mail address used at sign-up', example: 'dev@example.com' })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ description: 'Confirmation code e-mailed by Cognito', example: '123456' })
  @IsString()
  @Length(1, 64)
  code!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'Refresh token from sign-in' })
  @IsString()
  @Length(1, 8192)
  refreshToken!: string;
}

export class SignUpResponseDto {
  @ApiProperty({ description: 'Id of the new developer (the Cognito user sub)', example: '6f1c...' })
  userId!: string;

  @ApiProperty({ description: 'Whether the account is already confirmed' })
  confirmed!: boolean;
}

export class TokensResponseDto {
  @ApiProperty({ description: 'Cognito access token: send as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @ApiProperty({ description: 'Cognito ID token (identity claims; not accepted by this API)' })
  idToken!: string;

  @ApiPropertyOptional({ description: 'Refresh token (absent on a refresh)' })
  refreshToken?: string;

  @ApiProperty({ description: 'Seconds until the access token expires', example: 3600 })
  expiresIn!: number;
}
