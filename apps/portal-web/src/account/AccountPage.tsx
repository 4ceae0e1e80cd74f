import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { session } from '../auth/session';
import { FormError } from '../ui/FormError';
import { useAction } from '../ui/use-action';
import { ChangePasswordForm } from './ChangePasswordForm';
import { DeleteAccountDialog } from './DeleteAccountDialog';
import { formatDate } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useMe } from './me.queries';
import { RefreshFailed } from '../ui/RefreshFailed';

/** The developer's account: profile, password, sessions, and deleting it. */
export function Component() {
  const me = useMe();
  const everywhere = useAction();
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <PageHeader title="Account" />
      <RefreshFailed queries={[me]} />
      {me.error && me.data === undefined ? (
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
              <Button variant="default" onClick={() => void session.signOut()}>
                Sign out of this browser
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Card withBorder padding="lg" mt="lg">
        <ChangePasswordForm />
      </Card>
      <Card withBorder padding="lg" mt="lg">
        <Stack align="flex-start">
          <Title order={2} fz="h4">
            Sessions
          </Title>
          <Text size="sm">Signs out every browser and client signed in to this account, this one included.</Text>
          <Button
            variant="default"
            loading={everywhere.busy}
            onClick={() =>
              void everywhere.run(async () => {
                await unwrap(api.DELETE('/v1/me/sessions'));
                session.forget();
              })
            }
          >
            Sign out everywhere
          </Button>
          <FormError message={everywhere.error} />
        </Stack>
      </Card>
      {me.data && (
        <Card withBorder padding="lg" mt="lg">
          <Stack align="flex-start">
            <Title order={2} fz="h4">
              Delete account
            </Title>
            <Text size="sm">Revokes every key, ends any subscription and removes your sign-in. Your e-mail can sign up again.</Text>
            <Button color="red" variant="outline" onClick={() => setDeleting(true)}>
              Delete account
            </Button>
          </Stack>
          <DeleteAccountDialog email={me.data.email} opened={deleting} onClose={() => setDeleting(false)} />
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
