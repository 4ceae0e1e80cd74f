import { applyDecorators, SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'keyport:public';

/** @nestjs/swagger's metadata key for an operation's security requirements. */
const SWAGGER_SECURITY = 'swagger/apiSecurity';

/**
 * Marks a route that needs no access token (sign-up, sign-in, tier list, health); the OpenAPI
 * document says so with an empty `security` list.
 */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(SWAGGER_SECURITY, []));
