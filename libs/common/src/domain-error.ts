/** Stable codes for every failure the portal reports; the HTTP filter maps each to a status. */
export enum ErrorCode {
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

/** A failure the domain expects and can explain to the caller. Never carries secrets. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra fields merged into the error body (e.g. `checkoutUrl` for 402). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError(ErrorCode.NotFound, `${what} not found`);
export const conflict = (message: string): DomainError => new DomainError(ErrorCode.Conflict, message);
export const invalid = (message: string, details?: ErrorDetail[]): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, message, details);
export const unauthenticated = (message = 'Missing or invalid access token'): DomainError =>
  new DomainError(ErrorCode.Unauthenticated, message);
export const forbidden = (message = 'You may not do this'): DomainError => new DomainError(ErrorCode.Forbidden, message);
export const unavailable = (message: string): DomainError => new DomainError(ErrorCode.Unavailable, message);
