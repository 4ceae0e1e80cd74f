import { SkipThrottle } from '@nestjs/throttler';
import { AUTH_LIMIT, USER_LIMIT } from './portal-throttler.guard';

/** For load balancers and scrapers (health, metrics): never rate limited. */
export const NoRateLimit = (): MethodDecorator & ClassDecorator => SkipThrottle({ [AUTH_LIMIT]: true, [USER_LIMIT]: true });
