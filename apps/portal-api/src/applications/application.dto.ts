import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { type Application, type IssuedApplication, MAX_SECRET_GRACE_SECONDS } from '@keyport/applications';

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

export class CreateApplicationDto {
  @ApiProperty({ description: 'A name to tell applications apart (no control characters)', example: 'billing-service', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @Matches(NO_CONTROL_CHARACTERS, { message: 'must not contain control characters' })
  name!: string;

  @ApiPropertyOptional({
    description: 'Scopes of the API resource server, by name (`read`) or in full (`keyport-api/read`); all of them when absent',
    type: [String],
    example: ['read'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  scopes?: string[];
}

export class RotateSecretDto {
  @ApiPropertyOptional({
    description: 'Seconds the old secret keeps working (default 86400; 0 ends it now)',
    type: 'integer',
    minimum: 0,
    maximum: MAX_SECRET_GRACE_SECONDS,
    example: 86400,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SECRET_GRACE_SECONDS)
  gracePeriodSeconds?: number;
}

export class ApplicationDto {
  @ApiProperty({ description: 'Application id', format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Name given at creation', example: 'billing-service' })
  name!: string;

  @ApiProperty({ description: 'The OAuth client id: send it with the secret to `tokenEndpoint`', example: '4b1c6p2l0k3j5h7g9f8d6s4a2q' })
  clientId!: string;

  @ApiProperty({ description: 'Scopes its access tokens may carry', type: [String], example: ['keyport-api/read'] })
  scopes!: string[];

  @ApiProperty({
    description: "Cognito's token endpoint: POST `grant_type=client_credentials` there with the client id and secret",
    example: 'https://auth.example.com/oauth2/token',
  })
  tokenEndpoint!: string;

  @ApiProperty({
    description: 'When the secret the last rotation replaced stops working; null when there is none',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  previousSecretExpiresAt!: string | null;

  @ApiProperty({ description: 'When the application was created', format: 'date-time' })
  createdAt!: string;

  static from(application: Application, tokenEndpoint: string): ApplicationDto {
    return {
      id: application.id,
      name: application.name,
      clientId: application.clientId,
      scopes: application.scopes,
      tokenEndpoint,
      previousSecretExpiresAt: application.retiringSecretEndsAt?.toISOString() ?? null,
      createdAt: application.createdAt.toISOString(),
    };
  }
}

export class IssuedApplicationDto extends ApplicationDto {
  @ApiProperty({ description: 'The client secret: shown this once, store it now', example: '1q2w3e4r5t...' })
  clientSecret!: string;

  static fromIssued(issued: IssuedApplication, tokenEndpoint: string): IssuedApplicationDto {
    return { ...ApplicationDto.from(issued.application, tokenEndpoint), clientSecret: issued.clientSecret };
  }
}

export class ApplicationListDto {
  @ApiProperty({ type: [ApplicationDto], description: 'Your applications, oldest first (never their secrets)' })
  items!: ApplicationDto[];

  @ApiProperty({
    description: "The API resource server's scopes, in full: what an application may be given (`scopes` of POST /v1/applications)",
    type: [String],
    example: ['keyport-api/read', 'keyport-api/write'],
  })
  availableScopes!: string[];
}

export class ServiceAccountListDto {
  @ApiProperty({ type: [ApplicationDto], description: 'Every service account, whichever admin created it, oldest first (never their secrets)' })
  items!: ApplicationDto[];
}
