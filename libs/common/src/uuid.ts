const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID as PostgreSQL's uuid type reads it (either case): check before it reaches a uuid column, which would refuse it with an error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
