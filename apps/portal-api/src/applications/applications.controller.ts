import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationsService } from '@keyport/applications';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { DevelopersService } from '@keyport/developers';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors, DEVELOPER_ROUTE_ERRORS } from '../http/api-errors.decorator';
import { ApiUuidParam, uuidParam } from '../http/uuid-param';
import { ApplicationDto, ApplicationListDto, CreateApplicationDto, IssuedApplicationDto, RotateSecretDto } from './application.dto';

@ApiTags('applications')
@ApiBearerAuth()
@ApiErrors(DEVELOPER_ROUTE_ERRORS)
@Controller('v1/applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly developers: DevelopersService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a service: client credentials, the secret shown once',
    description:
      'Creates a Cognito app client with the `client_credentials` grant. Exchange `clientId` and `clientSecret` at `tokenEndpoint` ' +
      'for an access token, and call the gateway with it and one of your keys.',
  })
  @ApiCreatedResponse({ type: IssuedApplicationDto, description: 'The application with its secret, shown once' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 409: ['APPLICATION_LIMIT_REACHED', 'APP_CLIENT_QUOTA_REACHED'], 503: ['UNAVAILABLE'] })
  async create(@Principal() principal: VerifiedPrincipal, @Body() body: CreateApplicationDto): Promise<IssuedApplicationDto> {
    const developer = await this.developers.requireActive(principal);
    return IssuedApplicationDto.fromIssued(await this.applications.create(developer.id, body.name, body.scopes), this.applications.tokenEndpoint);
  }

  @Get()
  @ApiOperation({
    summary: 'List your applications (never their secrets)',
    description: 'Live applications, oldest first, and the scopes a new one may be given.',
  })
  @ApiOkResponse({ type: ApplicationListDto, description: 'Your applications' })
  async list(@Principal() principal: VerifiedPrincipal): Promise<ApplicationListDto> {
    const developer = await this.developers.requireActive(principal);
    return {
      items: (await this.applications.list(developer.id)).map((a) => ApplicationDto.from(a, this.applications.tokenEndpoint)),
      availableScopes: this.applications.apiScopes,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your applications', description: "Another developer's application is 404, like one that does not exist." })
  @ApiOkResponse({ type: ApplicationDto, description: 'The application (never its secret)' })
  @ApiUuidParam('id', 'Application id')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async get(@Principal() principal: VerifiedPrincipal, @Param('id', uuidParam) id: string): Promise<ApplicationDto> {
    const developer = await this.developers.requireActive(principal);
    return ApplicationDto.from(await this.applications.get(developer.id, id), this.applications.tokenEndpoint);
  }

  @Post(':id/rotate-secret')
  @ApiOperation({
    summary: 'Rotate the client secret, with a grace period for the old one',
    description: 'A new secret, shown once; the old one keeps working for `gracePeriodSeconds` (default 86400), then stops.',
  })
  @ApiCreatedResponse({ type: IssuedApplicationDto, description: 'The application with its new secret, shown once' })
  @ApiUuidParam('id', 'Application id')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['SECRET_ROTATION_IN_GRACE'], 503: ['UNAVAILABLE'] })
  async rotateSecret(
    @Principal() principal: VerifiedPrincipal,
    @Param('id', uuidParam) id: string,
    @Body() body: RotateSecretDto,
  ): Promise<IssuedApplicationDto> {
    const developer = await this.developers.requireActive(principal);
    return IssuedApplicationDto.fromIssued(await this.applications.rotateSecret(developer.id, id, body.gracePeriodSeconds), this.applications.tokenEndpoint);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an application', description: 'Its tokens are refused at the gateway at once, not at their expiry.' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiUuidParam('id', 'Application id')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 503: ['UNAVAILABLE'] })
  async delete(@Principal() principal: VerifiedPrincipal, @Param('id', uuidParam) id: string): Promise<void> {
    const developer = await this.developers.requireActive(principal);
    await this.applications.delete(developer.id, id);
  }
}
