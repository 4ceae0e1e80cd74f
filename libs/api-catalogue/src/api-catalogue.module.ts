import { Module } from '@nestjs/common';
import { ApiCatalogueService } from './api-catalogue.service';
import { ApiDocumentsRepository } from './api-documents.repository';
import { AwsApiExports } from './aws/aws-api-exports';
import { GatewayServers } from './gateway-servers';

/** The provider's API catalogue; `ApiCatalogueService` is its front. */
@Module({ providers: [ApiDocumentsRepository, GatewayServers, AwsApiExports, ApiCatalogueService], exports: [ApiCatalogueService] })
export class ApiCatalogueModule {}
