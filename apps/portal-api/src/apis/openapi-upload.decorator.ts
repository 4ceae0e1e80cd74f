import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';

/**
 * The uploaded document as the body parser left it: YAML text (application/yaml, text/yaml) or a
 * parsed JSON value. A custom parameter, so the input screen (which refuses `null` anywhere in a
 * body, while OpenAPI documents use it in examples and defaults) leaves it to the catalogue's own
 * parser, which refuses what PostgreSQL cannot store.
 */
export const OpenApiUpload = createParamDecorator((_: unknown, context: ExecutionContext): unknown => context.switchToHttp().getRequest<FastifyRequest>().body);
