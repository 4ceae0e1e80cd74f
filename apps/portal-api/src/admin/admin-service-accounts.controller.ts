import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationsService } from '@keyport/applications';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { ApplicationDto, IssuedApplicationDto, ServiceAccountListDto } from '../applications/application.dto';
import { AdminOnly } from '../auth/admin-only.decorator';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiUuidParam, uuidParam } from '../http/uuid-param';
import { CreateServiceAccountDto } from './service-account.dto';

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/service-accounts')
export class AdminServiceAccountsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a service account: client credentials for the admin routes, the secret shown once',
    description:
      "For systems (billing, reporting) that call Keyport without a person's password: its access tokens, from `tokenEndpoint` by the " +
      'client_credentials grant, are accepted on the /v1/admin routes its scopes cover (reads need `keyport/admin.read`, changes ' +
      '`keyport/admin.write`), and what it changes is audited under its name.',
  })
  @ApiCreatedResponse({ type: IssuedApplicationDto, description: 'The service account with its secret, shown once' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 409: ['APP_CLIENT_QUOTA_REACHED'], 503: ['UNAVAILABLE'] })
  async create(@Principal() principal: VerifiedPrincipal, @Body() body: CreateServiceAccountDto): Promise<IssuedApplicationDto> {
    const issued = await this.applications.createServiceAccount(principal.userId, body.name, body.scopes);
    return IssuedApplicationDto.fromIssued(issued, this.applications.tokenEndpoint);
  }

  @Get()
  @ApiOperation({
    summary: 'List the service accounts (never their secrets)',
    description: 'Live service accounts, whichever admin created them, oldest first.',
  })
  @ApiOkResponse({ type: ServiceAccountListDto, description: 'The service accounts' })
  async list(): Promise<ServiceAccountListDto> {
    return { items: (await this.applications.listServiceAccounts()).map((account) => ApplicationDto.from(account, this.applications.tokenEndpoint)) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a service account',
    description: 'Audited once; its access tokens are refused on the admin routes at once, not at their expiry.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiUuidParam('id', 'Service account id')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 503: ['UNAVAILABLE'] })
  async delete(@Param('id', uuidParam) id: string): Promise<void> {
    await this.applications.deleteServiceAccount(id);
  }
}
