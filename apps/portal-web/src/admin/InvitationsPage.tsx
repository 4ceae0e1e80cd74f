import { Badge, Button, Card, Checkbox, Group, Skeleton, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Invitation } from '../api/schemas';
import { FormError } from '../ui/FormError';
import { formatDateTime } from '../ui/format';
import { notifyDone } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { fieldProps, useApiForm } from '../ui/use-api-form';
import { useAction } from '../ui/use-action';
import { useAdminMutation } from './admin.queries';
import { RefreshFailed } from '../ui/RefreshFailed';

// Invitees accept elsewhere, at any moment: read the list again whenever the page opens.
const invitationsQuery = { queryKey: ['admin', 'invitations'], queryFn: () => unwrap(api.GET('/v1/admin/invitations')), staleTime: 0 };

/** Invite a developer or an admin (Cognito sends a temporary password); resend or cancel what is still pending. */
export function Component() {
  const invitations = useQuery(invitationsQuery);
  const pending = (invitations.data?.items ?? []).filter((invitation) => invitation.status === 'pending');
  return (
    <>
      <PageHeader
        title="Invitations"
        description="The invited user signs in with the temporary password Cognito sends them (on the embedded default it is in the server log) and sets their own."
      />
      <InviteForm />
      <Text component="h2" fw={600} fz="lg" mt="xl" mb="sm">
        Pending invitations
      </Text>
      <RefreshFailed queries={[invitations]} />
      {invitations.error && invitations.data === undefined ? (
        <QueryError error={invitations.error} retry={() => void invitations.refetch()} />
      ) : !invitations.data ? (
        <Skeleton h={120} radius="md" />
      ) : pending.length === 0 ? (
        <Text c="dimmed">No invitation is waiting: everyone invited has set their password.</Text>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="sm" aria-label="Pending invitations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Last sent</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.map((invitation) => (
                  <InvitationRow key={invitation.id} invitation={invitation} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}

function InviteForm() {
  const invite = useAdminMutation((body: { email: string; admin: boolean }) => unwrap(api.POST('/v1/admin/invitations', { body })));
  const form = useForm({
    initialValues: { email: '', admin: false },
    validate: { email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter an e-mail address.') },
  });
  const submit = useApiForm(form, async ({ email, admin }) => {
    const invited = await invite.mutateAsync({ email: email.trim(), admin });
    notifyDone(`${invited.email} is invited${invited.admin ? ' as an admin' : ''}`);
    form.reset();
  });
  return (
    <Card withBorder component="form" onSubmit={submit.onSubmit} noValidate aria-label="Invite a user">
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput label="Email" type="email" autoComplete="off" w={{ base: '100%', sm: 320 }} {...fieldProps(form, 'email')} />
        <Checkbox label="Admin" description="Sees this console" {...form.getInputProps('admin', { type: 'checkbox' })} />
        <Button type="submit" loading={submit.submitting}>
          Invite
        </Button>
      </Group>
      <FormError message={submit.formError} />
    </Card>
  );
}

function InvitationRow({ invitation }: { invitation: Invitation }) {
  const path = { params: { path: { id: invitation.id } } };
  const action = useAction();
  const resend = useAdminMutation(() => unwrap(api.POST('/v1/admin/invitations/{id}/resend', path)));
  const cancel = useAdminMutation(() => unwrap(api.DELETE('/v1/admin/invitations/{id}', path)));
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {invitation.email}
      </Table.Th>
      <Table.Td>{invitation.admin ? <Badge color="violet">admin</Badge> : <Badge color="gray">developer</Badge>}</Table.Td>
      <Table.Td>{formatDateTime(invitation.lastSentAt)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          <Button
            size="xs"
            variant="default"
            loading={action.busy && resend.isPending}
            onClick={() =>
              void action.run(async () => {
                await resend.mutateAsync(undefined);
                notifyDone(`A new temporary password is on its way to ${invitation.email}`);
              })
            }
          >
            Resend
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            loading={action.busy && cancel.isPending}
            onClick={() =>
              void action.run(async () => {
                await cancel.mutateAsync(undefined);
                notifyDone(`The invitation of ${invitation.email} is cancelled`);
              })
            }
          >
            Cancel
          </Button>
        </Group>
        <FormError message={action.error} />
      </Table.Td>
    </Table.Tr>
  );
}
