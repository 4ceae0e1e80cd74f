import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** Unknown addresses, and pages the signed-in developer may not see (never a hint that they exist). */
export function NotFoundPage() {
  return (
    <Stack align="flex-start" gap="md" py="xl">
      <Title order={1} fz="h2">
        Page not found
      </Title>
      <Text c="dimmed">There is nothing at this address.</Text>
      <Button component={Link} to="/" variant="default">
        Go to the portal
      </Button>
    </Stack>
  );
}
