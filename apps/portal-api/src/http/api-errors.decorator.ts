import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { ErrorBodyDto } from './error-body';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `details` names the fields',
  401: 'Missing, forged, expired or wrong-pool access token (or an ID token)',
  402: 'Payment required',
  403: 'Not allowed for this caller (wrong role, or suspended)',
  404: 'Not found, or not yours',
  409: 'Conflicts with the current state',
  429: 'Too many requests',
  503: 'A dependency is unavailable',
};

/** Documents the error responses of a route, all in the one error shape. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? STATUS_CODES[status], type: ErrorBodyDto }),
    ),
  );
}
