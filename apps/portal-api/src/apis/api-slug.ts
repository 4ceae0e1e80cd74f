import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { invalid } from '@keyport/common';

const API_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Refuses a slug that is not lowercase letters, digits and hyphens (at most 64). */
export function checkApiSlug(slug: string): string {
  if (!API_SLUG.test(slug))
    throw invalid('Invalid request', [{ field: 'slug', message: 'must be 1-64 lowercase letters, digits or hyphens, starting with a letter or digit' }]);
  return slug;
}

export const ApiSlugParam = (): MethodDecorator =>
  applyDecorators(ApiParam({ name: 'slug', description: 'API slug', schema: { type: 'string', pattern: API_SLUG.source } }));
