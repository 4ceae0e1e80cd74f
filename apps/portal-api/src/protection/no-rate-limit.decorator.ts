import { applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { NO_RATE_LIMIT_EXTENSION } from '../http/openapi-errors';
import { AUTH_LIMIT, USER_LIMIT } from './portal-throttler.guard';

/** For load balancers and scrapers (health, metrics): never rate limited, so the document lists no 429 for them. */
export const NoRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SkipThrottle({ [AUTH_LIMIT]: true, [USER_LIMIT]: true }), ApiExtension(NO_RATE_LIMIT_EXTENSION, true));
