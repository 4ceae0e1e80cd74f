import { Alert, Button, Group, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';

type LoadedOrNot = Pick<UseQueryResult<unknown>, 'data' | 'error' | 'refetch'>;

/**
 * The failure to show in place of a page's data: only from a query that never answered. A query
 * whose background refresh failed still has its data, and the page keeps showing it (with
 * RefreshFailed above), rather than swapping what the reader is looking at, or typing into, for an
 * error.
 */
export function neverLoaded(...queries: LoadedOrNot[]): Error | null {
  return queries.find((query) => query.error !== null && query.data === undefined)?.error ?? null;
}

/** Says that what is shown could not be refreshed (the data stays), with a way to ask again. */
export function RefreshFailed({ queries }: { queries: LoadedOrNot[] }) {
  const stale = queries.filter((query) => query.error !== null && query.data !== undefined);
  if (stale.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" role="status" mb="sm" title="Could not refresh">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{stale[0].error?.message} What is shown may be out of date.</Text>
        <Button size="xs" variant="default" onClick={() => void Promise.all(stale.map((query) => query.refetch()))}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}
