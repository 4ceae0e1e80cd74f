import { SetMetadata } from '@nestjs/common';

export const ADMIN_ONLY = 'keyport:admin-only';
export const ADMIN_GROUP = 'admin';

/** Restricts a route or controller to members of the Cognito group `admin`. */
export const AdminOnly = (): MethodDecorator & ClassDecorator => SetMetadata(ADMIN_ONLY, true);
