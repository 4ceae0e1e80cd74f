import { ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { invalid } from '@keyport/common';

/** A path id that must be a UUID: anything else is a 400 naming the parameter, never a lookup. */
export const uuidParam = new ParseUUIDPipe({
  exceptionFactory: () => invalid('Invalid request', [{ field: 'id', message: 'must be a UUID' }]),
});

/** Documents a path parameter that is a UUID. */
export const ApiUuidParam = (name: string, description: string): MethodDecorator => ApiParam({ name, description, schema: { type: 'string', format: 'uuid' } });
