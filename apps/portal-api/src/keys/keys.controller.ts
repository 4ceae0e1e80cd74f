import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { DevelopersService } from '@keyport/developers';
import { KeysService } from '@keyport/keys';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidParam } from '../http/uuid-param';
import { CreateKeyDto, IssuedKeyDto, KeyDto, KeyListDto, RotateKeyDto } from './key.dto';

@ApiTags('keys')
@ApiBearerAuth()
// Every route may answer 429 when the caller passes the portal's own rate limit.
@ApiErrors(429)
@Controller('v1/keys')
export class KeysController {
  constructor(
    private readonly keys: KeysService,
    private readonly developers: DevelopersService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a key; its value is shown once' })
  @ApiCreatedResponse({ type: IssuedKeyDto, description: 'The new key with its value, shown once' })
  @ApiErrors(400, 401, 403, 409)
  async create(@Principal() principal: VerifiedPrincipal, @Body() body: CreateKeyDto): Promise<IssuedKeyDto> {
    const developer = await this.developers.requireActive(principal);
    return IssuedKeyDto.fromIssued(await this.keys.create(developer.id, body.name));
  }

  @Get()
  @ApiOperation({ summary: 'List your keys (never their values)' })
  @ApiOkResponse({ type: KeyListDto })
  @ApiErrors(401, 403)
  async list(@Principal() principal: VerifiedPrincipal): Promise<KeyListDto> {
    const developer = await this.developers.requireActive(principal);
    return { items: (await this.keys.list(developer.id)).map(KeyDto.from) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your keys' })
  @ApiOkResponse({ type: KeyDto })
  @ApiErrors(400, 401, 403, 404)
  async get(@Principal() principal: VerifiedPrincipal, @Param('id', uuidParam) id: string): Promise<KeyDto> {
    const developer = await this.developers.requireActive(principal);
    return KeyDto.from(await this.keys.get(developer.id, id));
  }

  @Post(':id/rotate')
  @ApiOperation({ summary: 'Rotate a key, with a grace period for the old one' })
  @ApiCreatedResponse({ type: IssuedKeyDto, description: 'The successor key with its value, shown once' })
  @ApiErrors(400, 401, 403, 404, 409)
  async rotate(
    @Principal() principal: VerifiedPrincipal,
    @Param('id', uuidParam) id: string,
    @Body() body: RotateKeyDto,
  ): Promise<IssuedKeyDto> {
    const developer = await this.developers.requireActive(principal);
    return IssuedKeyDto.fromIssued(await this.keys.rotate(developer.id, id, body.gracePeriodSeconds));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a key' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the key stops working and stays listed as revoked' })
  @ApiErrors(400, 401, 403, 404)
  async revoke(@Principal() principal: VerifiedPrincipal, @Param('id', uuidParam) id: string): Promise<void> {
    const developer = await this.developers.requireActive(principal);
    await this.keys.revoke(developer.id, id);
  }
}
