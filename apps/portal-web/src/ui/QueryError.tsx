import { Alert, Button, Group, Text } from '@mantine/core';

/** A query that failed: what the API said, and a way to ask again. */
export function QueryError({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <Alert color="red" variant="light" role="alert" title="Could not load this">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{error.message}</Text>
        {retry && (
          <Button size="xs" variant="default" onClick={retry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
