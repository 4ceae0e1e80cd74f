import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
// The metadata key SkipThrottle() writes; the package root does not re-export it.
import { THROTTLER_SKIP } from '@nestjs/throttler/dist/throttler.constants';
import { type FastifyReply } from 'fastify';
import { DomainError, ErrorKind } from '@keyport/common';
import { Metrics } from '@keyport/observability';
import { type AuthenticatedRequest } from '../auth/authenticated-request';

/** `auth` counts per client IP on `/v1/auth/*`; `user` per signed-in user (per IP when anonymous) elsewhere. */
export const AUTH_LIMIT = 'auth';
export const USER_LIMIT = 'user';

export const isAuthRoute = (context: ExecutionContext): boolean =>
  context.switchToHttp().getRequest<AuthenticatedRequest>().routeOptions.url?.startsWith('/v1/auth/') === true;

/**
 * Runs after AccessTokenGuard, so a verified principal is known: signed-in callers are counted by
 * user id (one budget over all their routes, whichever replica serves them), everyone else by IP
 * (the client's, from X-Forwarded-For when TRUST_PROXY names the load balancer).
 * A refusal is a 429 in the one error shape with Retry-After in seconds.
 */
@Injectable()
export class PortalThrottlerGuard extends ThrottlerGuard {
  /**
   * The limits each route counts against, worked out at its first request. The library's guard
   * works them out on every request (five metadata look-ups and three awaits per limit), which cost
   * as much as a cached route's own work; here they cannot change: no route sets limits of its own
   * and the module's are numbers. Counting, headers and refusals stay the library's.
   */
  private readonly routeLimits = new WeakMap<object, Map<object, RouteLimit[]>>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly metrics: Metrics,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    for (const limit of this.limitsOf(context)) {
      if (!(await this.handleRequest({ context, ...limit }))) return false;
    }
    return true;
  }

  private limitsOf(context: ExecutionContext): RouteLimit[] {
    const handler = context.getHandler();
    const classRef = context.getClass();
    let byHandler = this.routeLimits.get(classRef);
    if (byHandler === undefined) this.routeLimits.set(classRef, (byHandler = new Map<object, RouteLimit[]>()));
    let limits = byHandler.get(handler);
    if (limits === undefined) byHandler.set(handler, (limits = this.resolveLimits(context)));
    return limits;
  }

  private resolveLimits(context: ExecutionContext): RouteLimit[] {
    const targets = [context.getHandler(), context.getClass()];
    const limits: RouteLimit[] = [];
    for (const throttler of this.throttlers) {
      // eslint-disable-next-line @typescript-eslint/restrict-plus-operands -- the library's own key; its onModuleInit names every throttler
      if (this.reflector.getAllAndOverride<boolean>(THROTTLER_SKIP + throttler.name, targets)) continue;
      if ((throttler.skipIf ?? this.commonOptions.skipIf)?.(context)) continue;
      const { limit, ttl } = throttler;
      const blockDuration = throttler.blockDuration ?? ttl;
      if (typeof limit !== 'number' || typeof ttl !== 'number' || typeof blockDuration !== 'number') {
        throw new Error(`Rate limit ${throttler.name}: limit, ttl and blockDuration must be numbers`);
      }
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the library's onModuleInit sets both before any request
      limits.push({ throttler, limit, ttl, blockDuration, getTracker: this.commonOptions.getTracker!, generateKey: this.commonOptions.generateKey! });
    }
    return limits;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature of the method it overrides
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
    throw new DomainError(ErrorKind.RateLimited, `Too many requests; retry in ${retryAfter} s`);
  }
}

type RouteLimit = Omit<ThrottlerRequest, 'context'>;
