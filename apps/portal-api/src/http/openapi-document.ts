import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { completeErrorResponses } from './openapi-errors';

/** Every tag an operation may carry, in the order readers meet them. */
const TAGS: Array<[name: string, description: string]> = [
  ['auth', 'Sign up, confirm the sign-up, sign in and refresh tokens. No token needed.'],
  ['tiers', 'The tiers on offer, each with the throttle and quota of its API Gateway usage plan. No token needed.'],
  ['me', 'The signed-in developer: profile and tier.'],
  ['keys', "The developer's API keys: create, list, rotate, revoke. A key's value is shown once, when it is made."],
  [
    'applications',
    "The developer's services: client credentials (a Cognito app client with the client_credentials grant) whose access tokens the gateway requires with a key. A secret is shown once.",
  ],
  ['apis', "The provider's API catalogue: each API's OpenAPI document, its `servers` at the gateway. No token needed."],
  ['usage', "The developer's daily usage and where they stand against their quota."],
  ['billing', "Stripe subscriptions for paid tiers (every route answers 404 `BILLING_DISABLED` while billing is off), and Stripe's webhook."],
  ['admin', 'Running the programme, for members of the Cognito group `admin`: developers, tiers, quotas, the audit log, usage reports.'],
  ['health', 'Probes for load balancers and orchestrators; never rate limited.'],
];

/** Builds the OpenAPI document of the app's routes, error responses completed. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Keyport')
    .setDescription(
      'Self-service portal for APIs behind AWS API Gateway: sign up, pick a tier, manage API keys.\n\n' +
        'Every error has one shape, `{statusCode, error, message, code, details?}`; `code` is stable and more specific ' +
        'than the status, and each response below lists the codes it can carry.',
    )
    .setVersion('1.0')
    .setLicense('UNLICENSED', 'https://choosealicense.com/no-permission/')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito access token (from POST /v1/auth/login)' });
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  completeErrorResponses(document);
  return document;
}
