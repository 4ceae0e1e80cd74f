import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, ErrorKind, type ErrorDetail } from '@keyport/common';

/**
 * Validates every body and query against its DTO; unknown fields are refused; problems name their
 * fields, one message each, and only a true one: a missing field "is required" (not "must be
 * shorter than 254 characters"), otherwise the first failing check in the order the DTO writes
 * them, so DTOs put the most basic check first (`@IsString()` above `@Length()` above `@Matches()`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // The value is kept to tell a missing field apart; it never reaches the response or the log.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new DomainError(ErrorKind.ValidationFailed, 'Invalid request', { details: flatten(errors) }),
  });
}

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const message = messageOf(error);
    return [...(message === undefined ? [] : [{ field, message }]), ...flatten(error.children ?? [], field)];
  });
}

function messageOf(error: ValidationError): string | undefined {
  // class-validator lists a property's failed checks bottom-up (decorators apply from the property
  // upwards): the last one is the topmost decorator, the most basic check.
  const messages = Object.values(error.constraints ?? {});
  if (messages.length === 0) return undefined;
  if (error.value === undefined && !error.constraints?.whitelistValidation) return 'is required';
  return stripField(messages[messages.length - 1], error.property);
}

/** class-validator messages start with the property name; the field is already said separately. */
function stripField(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
