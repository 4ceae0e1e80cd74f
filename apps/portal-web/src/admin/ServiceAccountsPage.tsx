import { Button, Card, Skeleton } from '@mantine/core';
import { useState } from 'react';
import type { Application } from '../api/schemas';
import { ApplicationsTable } from '../applications/ApplicationsTable';
import { ClientDialog } from '../applications/ClientDialog';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState } from '../ui/EmptyState';
import { notifyDone } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useCreateServiceAccount, useDeleteServiceAccount, useServiceAccounts } from './service-accounts.queries';
import { RefreshFailed } from '../ui/RefreshFailed';

const ADMIN_SCOPES = ['keyport/admin.read', 'keyport/admin.write'];

/** Client credentials for systems that call the admin routes (billing, reporting) without a person's password. */
export function Component() {
  const accounts = useServiceAccounts();
  const create = useCreateServiceAccount();
  const remove = useDeleteServiceAccount();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Application | null>(null);
  return (
    <>
      <PageHeader
        title="Service accounts"
        description="admin.read lets a system read the admin routes, admin.write change them; what it changes is audited under its name."
        action={<Button onClick={() => setCreating(true)}>Create service account</Button>}
      />
      <RefreshFailed queries={[accounts]} />
      {accounts.error && accounts.data === undefined ? (
        <QueryError error={accounts.error} retry={() => void accounts.refetch()} />
      ) : !accounts.data ? (
        <Skeleton h={160} radius="md" />
      ) : accounts.data.items.length === 0 ? (
        <EmptyState title="No service accounts">Create one for each system that calls Keyport's admin routes, with only the scopes it needs.</EmptyState>
      ) : (
        <Card withBorder padding={0}>
          <ApplicationsTable label="Service accounts" applications={accounts.data.items} onDelete={setDeleting} />
        </Card>
      )}
      <ClientDialog
        opened={creating}
        title="Create service account"
        scopes={ADMIN_SCOPES}
        nameHint="The audit log names its actions so, e.g. billing-export"
        submitLabel="Create"
        onClose={() => setCreating(false)}
        create={(values) => create.mutateAsync(values)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete service account"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await remove.mutateAsync(deleting!.id);
          notifyDone(`“${deleting!.name}” is deleted`);
        }}
      >
        Its access tokens are refused on the admin routes at once. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
