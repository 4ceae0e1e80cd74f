import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, ErrorKind, type ErrorDetail } from '@keyport/common';

/** Validates every body and query against its DTO; unknown fields are refused; problems name their fields. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainError(ErrorKind.ValidationFailed, 'Invalid request', { details: flatten(errors) }),
  });
}

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: stripField(message, error.property) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator messages start with the property name; the field is already said separately. */
function stripField(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
