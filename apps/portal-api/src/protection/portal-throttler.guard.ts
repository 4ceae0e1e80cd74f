import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { type FastifyReply } from 'fastify';
import { DomainError, ErrorCode } from '@keyport/common';
import { Metrics } from '@keyport/observability';
import { type AuthenticatedRequest } from '../auth/authenticated-request';

/** `auth` counts per client IP on `/v1/auth/*`; `user` per signed-in user (per IP when anonymous) elsewhere. */
export const AUTH_LIMIT = 'auth';
export const USER_LIMIT = 'user';

export const isAuthRoute = (context: ExecutionContext): boolean =>
  context.switchToHttp().getRequest<AuthenticatedRequest>().routeOptions?.url?.startsWith('/v1/auth/') === true;

/**
 * Runs after AccessTokenGuard, so a verified principal is known: signed-in callers are counted by
 * user id (one budget over all their routes, whichever replica serves them), everyone else by IP
 * (the client's, from X-Forwarded-For when TRUST_PROXY names the load balancer).
 * A refusal is a 429 in the one error shape with Retry-After in seconds.
 */
@Injectable()
export class PortalThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly metrics: Metrics,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(request: Record<string, any>): Promise<string> {
    const principal = (request as AuthenticatedRequest).principal;
    return principal ? `user:${principal.userId}` : `ip:${await super.getTracker(request)}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    this.metrics.rateLimit(isAuthRoute(context) ? AUTH_LIMIT : USER_LIMIT);
    throw new DomainError(ErrorCode.RateLimited, `Too many requests; retry in ${retryAfter} s`);
  }
}
