import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';

export const ADMIN_ONLY = 'keyport:admin-only';
export const ADMIN_GROUP = 'admin';

/** Restricts a route or controller to members of the Cognito group `admin` (403 `NOT_AN_ADMIN` for anyone else). */
export const AdminOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ADMIN_ONLY, true), ApiBearerAuth(), ApiErrors({ 403: ['NOT_AN_ADMIN'] }));
