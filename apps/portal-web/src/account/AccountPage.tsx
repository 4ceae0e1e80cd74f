import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { session } from '../auth/session';
import { formatDate } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useMe } from './me.queries';

/** The developer's account. Changing the password and deleting the account come with their API routes. */
export function Component() {
  const me = useMe();
  return (
    <>
      <PageHeader title="Account" />
      {me.error ? (
        <QueryError error={me.error} retry={() => void me.refetch()} />
      ) : !me.data ? (
        <Skeleton h={160} radius="md" />
      ) : (
        <Card withBorder padding="lg">
          <Stack>
            <Title order={2} fz="h4">
              Profile
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Field label="Email" value={me.data.email} />
              <Field label="Status" value={me.data.status} />
              <Field label="Member since" value={formatDate(me.data.createdAt)} />
            </SimpleGrid>
            <Group>
              <Button variant="default" onClick={() => session.signOut()}>
                Sign out of this browser
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}
