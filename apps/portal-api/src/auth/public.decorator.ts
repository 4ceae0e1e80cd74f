import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'keyport:public';

/** Marks a route that needs no access token (sign-up, sign-in, tier list, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
