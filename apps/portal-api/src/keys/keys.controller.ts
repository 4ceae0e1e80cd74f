import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Developer, assertApproved } from '@keyport/developers';
import { KeysService } from '@keyport/keys';
import { ActiveDeveloper } from '../auth/active-developer.decorator';
import { ActiveDeveloperGuard } from '../auth/active-developer.guard';
import { ApiErrors, DEVELOPER_ROUTE_ERRORS } from '../http/api-errors.decorator';
import { ApiUuidParam, uuidParam } from '../http/uuid-param';
import { CreateKeyDto, IssuedKeyDto, KeyDto, KeyListDto, RotateKeyDto } from './key.dto';

@ApiTags('keys')
@ApiBearerAuth()
@ApiErrors(DEVELOPER_ROUTE_ERRORS)
@UseGuards(ActiveDeveloperGuard)
@Controller('v1/keys')
export class KeysController {
  constructor(private readonly keys: KeysService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a key; its value is shown once',
    description:
      'The key is attached to the usage plan of your tier. It answers `status: provisioning` until the gateway holds it ' +
      '(on the embedded gateway, within milliseconds), then `active`. Keyport keeps only a hash of the value. ' +
      'With `expiresAt`, the gateway refuses the key from that instant (403, as for a revoked key) and it is listed as `expired`.',
  })
  @ApiCreatedResponse({ type: IssuedKeyDto, description: 'The new key with its value, shown once' })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'KEY_EXPIRY_IN_PAST', 'KEY_EXPIRY_TOO_FAR'],
    403: [...(DEVELOPER_ROUTE_ERRORS[403] ?? []), 'DEVELOPER_PENDING'],
    409: ['KEY_LIMIT_REACHED', 'KEY_CAPACITY_REACHED'],
  })
  async create(@ActiveDeveloper() developer: Developer, @Body() body: CreateKeyDto): Promise<IssuedKeyDto> {
    assertApproved(developer);
    return IssuedKeyDto.fromIssued(await this.keys.create(developer.id, body.name, body.expiresAt ? new Date(body.expiresAt) : null));
  }

  @Get()
  @ApiOperation({ summary: 'List your keys (never their values)', description: 'Every key you made, oldest first, revoked ones included.' })
  @ApiOkResponse({ type: KeyListDto, description: 'Your keys' })
  async list(@ActiveDeveloper() developer: Developer): Promise<KeyListDto> {
    return { items: (await this.keys.list(developer.id)).map((key) => KeyDto.from(key)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your keys', description: "A key by id; another developer's key is 404, like one that does not exist." })
  @ApiOkResponse({ type: KeyDto, description: 'The key (never its value)' })
  @ApiUuidParam('id', 'Key id')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async get(@ActiveDeveloper() developer: Developer, @Param('id', uuidParam) id: string): Promise<KeyDto> {
    return KeyDto.from(await this.keys.get(developer.id, id));
  }

  @Post(':id/rotate')
  @ApiOperation({
    summary: 'Rotate a key, with a grace period for the old one',
    description:
      'Issues a successor with the same name and plan; the old key keeps working for `gracePeriodSeconds`, then is revoked. ' +
      "The successor starts with the old key's count against the quota, so rotating never resets a quota.",
  })
  @ApiCreatedResponse({ type: IssuedKeyDto, description: 'The successor key with its value, shown once' })
  @ApiUuidParam('id', 'Key id')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['KEY_REVOKED', 'KEY_ALREADY_ROTATED', 'ROTATION_IN_GRACE', 'KEY_CAPACITY_REACHED'] })
  async rotate(@ActiveDeveloper() developer: Developer, @Param('id', uuidParam) id: string, @Body() body: RotateKeyDto): Promise<IssuedKeyDto> {
    return IssuedKeyDto.fromIssued(await this.keys.rotate(developer.id, id, body.gracePeriodSeconds));
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Revoke a key',
    description: 'The key stops working at the gateway at once and stays listed, as revoked. Revoking twice is harmless.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the key stops working and stays listed as revoked' })
  @ApiUuidParam('id', 'Key id')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async revoke(@ActiveDeveloper() developer: Developer, @Param('id', uuidParam) id: string): Promise<void> {
    await this.keys.revoke(developer.id, id);
  }
}
