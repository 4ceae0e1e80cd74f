import { GetExportCommand } from '@aws-sdk/client-api-gateway';
import { Injectable } from '@nestjs/common';
import { AwsCalls, GatewayNotFoundError, GatewayRejectedError } from '@keyport/api-gateway';
import { notFound, unavailable } from '@keyport/common';
import { type ApiStage } from '../api-document';

/** Reads a deployed stage's own OpenAPI 3 export (API Gateway `GetExport`, `oas30`), paced like every AWS call. */
@Injectable()
export class AwsApiExports {
  constructor(private readonly calls: AwsCalls) {}

  /** The export as JSON text. */
  async read(stage: ApiStage): Promise<string> {
    try {
      const answer = await this.calls.send('GetExport', (client) =>
        client.send(new GetExportCommand({ restApiId: stage.restApiId, stageName: stage.stage, exportType: 'oas30', accepts: 'application/json' })),
      );
      return new TextDecoder().decode(answer.body ?? new Uint8Array());
    } catch (error) {
      if (error instanceof GatewayNotFoundError) throw notFound(`Stage ${stage.stage} of REST API ${stage.restApiId}`);
      // The request is well formed (the route checked it): a refusal is Keyport's IAM role lacking apigateway:GET.
      if (error instanceof GatewayRejectedError)
        throw unavailable(`API Gateway refused the export (does Keyport's role allow apigateway:GET?): ${error.message}`);
      throw unavailable(`API Gateway did not answer the export of ${stage.restApiId}/${stage.stage}; retry later`);
    }
  }
}
