import { STATUS_CODES } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { DomainError, ErrorKind, type ErrorDetail } from '@keyport/common';
import { frameworkMessage } from './framework-messages';
import { bearerChallenge } from './bearer-challenge';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  [ErrorKind.ValidationFailed]: 400,
  [ErrorKind.Unauthenticated]: 401,
  [ErrorKind.PaymentRequired]: 402,
  [ErrorKind.Forbidden]: 403,
  [ErrorKind.NotFound]: 404,
  [ErrorKind.Conflict]: 409,
  [ErrorKind.RateLimited]: 429,
  [ErrorKind.Unavailable]: 503,
};

/** Codes of the failures the framework reports before any domain code runs, by status. */
const CODE_BY_STATUS: Record<number, string> = {
  400: ErrorKind.ValidationFailed,
  401: ErrorKind.Unauthenticated,
  403: ErrorKind.Forbidden,
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: ErrorKind.RateLimited,
  503: ErrorKind.Unavailable,
};
export const INTERNAL_ERROR_CODE = 'INTERNAL_ERROR';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** A stable code a client can branch on; more specific than the status. */
  code: string;
  details?: ErrorDetail[];
  [extra: string]: unknown;
}

/**
 * Maps every failure to `{statusCode, error, message, code, details?}`. Domain errors carry a kind (the status) and a code;
 * framework errors (unknown route, unparsable JSON, oversized body) keep their 4xx status; anything
 * else is a 500 whose message is an id to find in the logs, never the cause.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) void reply.header('retry-after', String(exception.retryAfterSeconds));
    if (body.statusCode === 401) void reply.header('www-authenticate', bearerChallenge(body.code, body.message));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_BY_KIND[exception.kind];
      return {
        ...exception.extra,
        ...shape(statusCode, exception.message, exception.code),
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      if (statusCode >= 500) return this.unexpected(exception, request);
      return shape(statusCode, frameworkMessage(statusCode));
    }
    const statusCode = (exception as { statusCode?: unknown }).statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      // Fastify's own errors (body too large, wrong content type): their messages may quote the request.
      return shape(statusCode, frameworkMessage(statusCode));
    }
    return this.unexpected(exception, request);
  }

  private unexpected(exception: unknown, request: FastifyRequest): ErrorBody {
    const stack = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
    this.logger.error(`Unhandled error on ${request.method} ${request.routeOptions.url ?? 'unknown route'} [${request.id}]: ${stack}`);
    return shape(500, `Internal error; reference ${request.id}`, INTERNAL_ERROR_CODE);
  }
}

function shape(statusCode: number, message: string, code = CODE_BY_STATUS[statusCode] ?? `HTTP_${statusCode}`): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code };
}

/** The one shape, for the router's errors that reach no filter (see router-errors.ts). */
export { shape as errorShape };
