import { type ErrorCode } from './error-codes';

/**
 * What kind of failure it is, in HTTP's terms: the one error filter maps each kind to a status.
 * A kind is coarse on purpose; the error's `code` says precisely what happened.
 */
export enum ErrorKind {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  PaymentRequired = 'PAYMENT_REQUIRED',
  RateLimited = 'RATE_LIMITED',
  Unavailable = 'UNAVAILABLE',
}

export interface ErrorDetail {
  field?: string;
  message: string;
}

export interface DomainErrorOptions {
  /**
   * The specific, stable code a client branches on (`KEY_LIMIT_REACHED`, `TOKEN_EXPIRED`, ...), one
   * of the catalogue in error-codes.ts; without one the kind itself is the code.
   */
  code?: ErrorCode;
  /** Field-level problems (invalid input). */
  details?: ErrorDetail[];
  /** Extra fields merged into the error body (e.g. `checkoutUrl` for 402). */
  extra?: Record<string, unknown>;
  /** For a refusal that ends: when to try again, sent as `Retry-After` (seconds). */
  retryAfterSeconds?: number;
}

/** A failure the domain expects and can explain to the caller. Never carries secrets. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  readonly extra?: Record<string, unknown>;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly kind: ErrorKind,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = options.code ?? kind;
    this.details = options.details;
    this.extra = options.extra;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what: string, code?: ErrorCode): DomainError => new DomainError(ErrorKind.NotFound, `${what} not found`, { code });
export const conflict = (message: string, code?: ErrorCode): DomainError => new DomainError(ErrorKind.Conflict, message, { code });
export const invalid = (message: string, details?: ErrorDetail[], code?: ErrorCode): DomainError =>
  new DomainError(ErrorKind.ValidationFailed, message, { details, code });
export const unauthenticated = (message = 'Missing or invalid access token', code?: ErrorCode): DomainError =>
  new DomainError(ErrorKind.Unauthenticated, message, { code });
export const forbidden = (message = 'You may not do this', code?: ErrorCode): DomainError => new DomainError(ErrorKind.Forbidden, message, { code });
export const unavailable = (message: string, code?: ErrorCode): DomainError => new DomainError(ErrorKind.Unavailable, message, { code });
