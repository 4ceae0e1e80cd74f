import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthorizerDirectory, type AuthorizerPrincipal } from '@keyport/applications';
import { notFound, unauthenticated } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { Public } from '../auth/public.decorator';
import { NoRateLimit } from '../protection/no-rate-limit.decorator';
import { isAuthorizerSecret } from './authorizer-secret';

export const AUTHORIZER_SECRET_HEADER = 'x-keyport-authorizer-secret';

/**
 * For the Lambda authorizer only (apps/authorizer): who a client id or a developer id stands for,
 * whether they may call now, and the managed key to meter an application by. Mounted only when
 * AUTHORIZER_SECRET is set; every call must carry it in `x-keyport-authorizer-secret`. Internal:
 * not in the OpenAPI document, and it should not be reachable from the internet (README).
 */
@ApiExcludeController()
@Public()
@NoRateLimit()
@Controller('internal/authorizer')
export class AuthorizerInternalController {
  constructor(
    private readonly directory: AuthorizerDirectory,
    private readonly config: AppConfig,
  ) {}

  @Get('applications/:clientId')
  async application(@Headers(AUTHORIZER_SECRET_HEADER) secret: string | undefined, @Param('clientId') clientId: string): Promise<AuthorizerPrincipal> {
    this.requireSecret(secret);
    return (await this.directory.byClientId(clientId)) ?? notFoundPrincipal();
  }

  @Get('developers/:developerId')
  async developer(@Headers(AUTHORIZER_SECRET_HEADER) secret: string | undefined, @Param('developerId') developerId: string): Promise<AuthorizerPrincipal> {
    this.requireSecret(secret);
    return (await this.directory.byDeveloperId(developerId)) ?? notFoundPrincipal();
  }

  private requireSecret(sent: string | undefined): void {
    const expected = this.config.applications.authorizerSecret;
    if (!expected || !isAuthorizerSecret(sent, expected)) {
      throw unauthenticated(`Missing or wrong ${AUTHORIZER_SECRET_HEADER}`, 'AUTHORIZER_SECRET_INVALID');
    }
  }
}

function notFoundPrincipal(): never {
  throw notFound('Principal');
}
