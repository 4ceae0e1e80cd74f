import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type ApiResponseOptions } from '@nestjs/swagger';
import { type ErrorCode } from '@keyport/common';
import { ErrorBodyDto, PaymentRequiredBodyDto } from './error-body';

/** Where a documented error response keeps its codes; the document's finishing step turns them into prose. */
export const ERROR_CODES_EXTENSION = 'x-error-codes';

/** For each status a route can answer, the codes it can carry. */
export type ErrorCodesByStatus = Partial<Record<number, readonly ErrorCode[]>>;

/**
 * Documents the error responses of a route (or of every route of a controller), all in the one
 * error shape. What every route shares (401 on a protected route, 413/415 on one that takes a body,
 * 429, 500) is added when the document is built (see openapi-document.ts), so only say what is
 * particular to the route here.
 */
export function ApiErrors(errors: ErrorCodesByStatus): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(errors).map(([status, codes]) =>
      ApiResponse({
        status: Number(status),
        type: Number(status) === 402 ? PaymentRequiredBodyDto : ErrorBodyDto,
        description: '',
        [ERROR_CODES_EXTENSION]: codes,
      } as ApiResponseOptions),
    ),
  );
}

/** The 403s of a developer's own routes (`/v1/me*`, `/v1/keys*`, `/v1/usage`, `/v1/billing*`). */
export const DEVELOPER_ROUTE_ERRORS: ErrorCodesByStatus = { 403: ['NOT_A_DEVELOPER', 'ACCOUNT_SUSPENDED', 'ACCOUNT_DELETED'] };
