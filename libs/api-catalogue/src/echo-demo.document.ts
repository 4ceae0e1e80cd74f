import { type OpenApiObject } from './api-document';

/** Slug of the document seeded on the embedded default, so the portal's APIs page shows an API at once. */
export const ECHO_DEMO_SLUG = 'echo-demo';

const ECHO = {
  type: 'object',
  description: 'What the echo received, after the gateway admitted the call',
  properties: {
    method: { type: 'string', example: 'GET' },
    path: { type: 'string', example: '/hello' },
    query: { type: 'object', additionalProperties: { type: 'string' } },
    headers: { type: 'object', additionalProperties: { type: 'string' }, description: 'The headers an upstream would receive' },
    body: { type: 'string', nullable: true, description: 'The request body as text (its first 64 KiB)' },
    bodyBytes: { type: 'integer' },
    keyId: { type: 'string', nullable: true, description: 'The Keyport key the gateway admitted' },
    developerId: { type: 'string', nullable: true },
  },
};

const ANSWERS = {
  '200': { description: 'The echo of the request', content: { 'application/json': { schema: { $ref: '#/components/schemas/Echo' } } } },
  '401': { description: 'No valid access token (GATEWAY_AUTH=cognito)' },
  '403': { description: 'No valid key of the caller' },
  '429': { description: 'Throttled, or the quota is used up' },
};

/** The embedded gateway's built-in echo upstream (libs/embedded-gateway/src/echo.upstream.ts), as an OpenAPI document. */
export const ECHO_DEMO_DOCUMENT: OpenApiObject = {
  openapi: '3.0.3',
  info: {
    title: 'Echo (demo)',
    version: '1.0',
    description:
      "The embedded gateway's built-in upstream: it answers every call it admits with JSON describing the request. Set UPSTREAM_URL to put your API behind the gateway, and publish its reference with PUT /v1/admin/apis/{slug}.",
  },
  tags: [
    { name: 'greetings', description: 'Simple reads' },
    { name: 'orders', description: 'Reads and writes with a body' },
  ],
  security: [{ apiKey: [], accessToken: [] }],
  paths: {
    '/hello': {
      get: {
        tags: ['greetings'],
        operationId: 'hello',
        summary: 'Say hello',
        parameters: [{ name: 'name', in: 'query', required: false, description: 'Who to greet', schema: { type: 'string', example: 'world' } }],
        responses: ANSWERS,
      },
    },
    '/orders/{orderId}': {
      get: {
        tags: ['orders'],
        operationId: 'getOrder',
        summary: 'Read an order',
        parameters: [{ name: 'orderId', in: 'path', required: true, description: 'The order', schema: { type: 'string', example: 'ord_123' } }],
        responses: ANSWERS,
      },
    },
    '/orders': {
      post: {
        tags: ['orders'],
        operationId: 'createOrder',
        summary: 'Place an order',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NewOrder' }, example: { item: 'book', quantity: 1 } } },
        },
        responses: ANSWERS,
      },
    },
  },
  components: {
    securitySchemes: {
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'One of your Keyport keys' },
      accessToken: { type: 'http', scheme: 'bearer', description: 'Your Keyport access token (the gateway checks the key is yours)' },
    },
    schemas: {
      Echo: ECHO,
      NewOrder: {
        type: 'object',
        required: ['item', 'quantity'],
        properties: { item: { type: 'string', description: 'What to order' }, quantity: { type: 'integer', minimum: 1 } },
      },
    },
  },
};
