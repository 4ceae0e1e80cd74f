import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCatalogueService } from '@keyport/api-catalogue';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiDocumentDto, ApiSummaryDto } from './api.dto';
import { ApiSlugParam, checkApiSlug } from './api-slug';

@ApiTags('apis')
@Public()
@Controller('v1/apis')
export class ApisController {
  constructor(private readonly catalogue: ApiCatalogueService) {}

  @Get()
  @ApiOperation({
    summary: "The provider's APIs",
    description: 'Every published API with its title, version and description; read one for its OpenAPI document.',
  })
  @ApiOkResponse({ type: [ApiSummaryDto], description: 'The catalogue' })
  async list(): Promise<ApiSummaryDto[]> {
    return (await this.catalogue.list()).map((api) => ApiSummaryDto.from(api));
  }

  @Get(':slug')
  @ApiOperation({
    summary: "One API's OpenAPI document",
    description:
      "The document as published, with `servers` pointed at the gateway (GATEWAY_PUBLIC_URL; by default the embedded gateway's URL, or each API stage's invoke URL on AWS).",
  })
  @ApiSlugParam()
  @ApiOkResponse({ type: ApiDocumentDto, description: 'The API and its document' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async get(@Param('slug') slug: string): Promise<ApiDocumentDto> {
    return ApiDocumentDto.fromDocument(await this.catalogue.get(checkApiSlug(slug)));
  }
}
