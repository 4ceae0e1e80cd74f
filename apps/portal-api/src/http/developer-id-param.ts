import { type PipeTransform } from '@nestjs/common';
import { invalid } from '@keyport/common';

const DEVELOPER_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Developer ids are Cognito subs (UUIDs on Cognito and cognito-local; documented so); anything
 * that could not be one is refused early, anything that could is looked up (404 if unknown).
 */
export const developerIdParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!DEVELOPER_ID.test(value)) throw invalid('Invalid request', [{ field: 'id', message: 'must be a developer id' }]);
    return value;
  },
};
