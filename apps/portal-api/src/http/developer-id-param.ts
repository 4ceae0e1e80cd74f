import { type PipeTransform } from '@nestjs/common';
import { invalid } from '@keyport/common';

const DEVELOPER_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Developer ids are Cognito subs (UUIDs on Cognito; cognito-local's are UUIDs too); refuse anything else early. */
export const developerIdParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!DEVELOPER_ID.test(value)) throw invalid('Invalid request', [{ field: 'id', message: 'must be a developer id' }]);
    return value;
  },
};
