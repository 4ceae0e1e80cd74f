import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { type ApiDocument, type ApiSummary } from '@keyport/api-catalogue';

export class ApiSummaryDto {
  @ApiProperty({ description: 'Identifier of the API in the catalogue', example: 'orders' })
  slug!: string;

  @ApiProperty({ description: "The document's info.title", example: 'Orders API' })
  title!: string;

  @ApiProperty({ description: "The document's info.version", example: '1.4.0' })
  version!: string;

  @ApiProperty({ description: "The document's info.description (Markdown as the provider wrote it)", nullable: true, type: String })
  description!: string | null;

  @ApiProperty({ description: 'When the document was last published', format: 'date-time', type: String })
  updatedAt!: string;

  static from(api: ApiSummary): ApiSummaryDto {
    return { slug: api.slug, title: api.title, version: api.version, description: api.description, updatedAt: api.updatedAt.toISOString() };
  }
}

export class ApiDocumentDto extends ApiSummaryDto {
  @ApiProperty({
    description:
      "The OpenAPI 3.x document, its `servers` replaced by the gateway's URLs (GATEWAY_PUBLIC_URL, the embedded gateway, or each stage's invoke URL)",
    type: 'object',
    additionalProperties: true,
  })
  document!: Record<string, unknown>;

  static fromDocument(api: ApiDocument): ApiDocumentDto {
    return { ...ApiSummaryDto.from(api), document: api.document };
  }
}

export class PublishedApiDto extends ApiSummaryDto {
  @ApiProperty({ description: 'True when the slug was new, false when its document was replaced' })
  created!: boolean;
}

export class ImportApiDto {
  @ApiProperty({ description: 'The REST API whose stage is exported', example: 'a1b2c3d4e5', pattern: '^[a-z0-9]{1,64}$' })
  @IsString()
  @Matches(/^[a-z0-9]{1,64}$/, { message: 'must be a REST API id (lowercase letters and digits)' })
  restApiId!: string;

  @ApiProperty({ description: 'The deployed stage to export (`oas30`)', example: 'prod', pattern: '^[A-Za-z0-9_-]{1,128}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: 'must be a stage name (letters, digits, - and _)' })
  stage!: string;
}
