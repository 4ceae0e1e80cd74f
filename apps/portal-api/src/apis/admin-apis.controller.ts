import { Body, Controller, Delete, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { ApiCatalogueService } from '@keyport/api-catalogue';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { ImportApiDto, PublishedApiDto, ApiSummaryDto } from './api.dto';
import { ApiSlugParam, checkApiSlug } from './api-slug';
import { OpenApiUpload } from './openapi-upload.decorator';

const OPENAPI_DOCUMENT = { type: 'object', additionalProperties: true, description: 'An OpenAPI 3.x document: a JSON object, or the same in YAML' } as const;

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/apis')
export class AdminApisController {
  constructor(private readonly catalogue: ApiCatalogueService) {}

  @Put(':slug')
  @ApiOperation({
    summary: 'Publish or replace an API’s OpenAPI document',
    description:
      'The body is an OpenAPI 3.x document, as JSON (`application/json`) or YAML (`application/yaml` or `text/yaml`), at most 64 KiB. It must have `openapi` (3.x), `info.title`, `info.version` and `paths`; otherwise 400 `API_DOCUMENT_INVALID` with the parser’s message, and nothing changes. 201 when the slug is new, 200 when its document was replaced.',
  })
  @ApiSlugParam()
  @ApiConsumes('application/json', 'application/yaml', 'text/yaml')
  @ApiBody({ required: true, schema: OPENAPI_DOCUMENT })
  @ApiOkResponse({ type: PublishedApiDto, description: 'Replaced' })
  @ApiCreatedResponse({ type: PublishedApiDto, description: 'Published' })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'API_DOCUMENT_INVALID'] })
  async put(@Param('slug') slug: string, @OpenApiUpload() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<PublishedApiDto> {
    const { api, created } = await this.catalogue.put(checkApiSlug(slug), body);
    void reply.status(created ? 201 : 200);
    return { ...ApiSummaryDto.from(api), created };
  }

  @Delete(':slug')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an API from the catalogue', description: 'Its document is deleted; the gateway and its keys are untouched.' })
  @ApiSlugParam()
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async delete(@Param('slug') slug: string): Promise<void> {
    await this.catalogue.delete(checkApiSlug(slug));
  }

  @Post(':slug/import')
  @ApiOperation({
    summary: 'Publish a deployed stage’s own OpenAPI export (AWS driver)',
    description:
      'Reads the stage’s export from API Gateway (`GetExport`, `oas30`) and publishes it under the slug, so the reference matches what is deployed. Needs GATEWAY_DRIVER=aws (409 `API_IMPORT_NEEDS_AWS` otherwise).',
  })
  @ApiSlugParam()
  @ApiOkResponse({ type: PublishedApiDto, description: 'Replaced by the export' })
  @ApiCreatedResponse({ type: PublishedApiDto, description: 'Published from the export' })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'API_DOCUMENT_INVALID'], 404: ['NOT_FOUND'], 409: ['API_IMPORT_NEEDS_AWS'], 503: ['UNAVAILABLE'] })
  async import(@Param('slug') slug: string, @Body() body: ImportApiDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PublishedApiDto> {
    const { api, created } = await this.catalogue.import(checkApiSlug(slug), { restApiId: body.restApiId, stage: body.stage });
    void reply.status(created ? 201 : 200);
    return { ...ApiSummaryDto.from(api), created };
  }
}
