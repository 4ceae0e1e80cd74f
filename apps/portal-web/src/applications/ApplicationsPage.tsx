import { Button, Card, Skeleton } from '@mantine/core';
import { useState } from 'react';
import type { Application } from '../api/schemas';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState } from '../ui/EmptyState';
import { notifyDone } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { RotateDialog } from '../ui/RotateDialog';
import { useApplications, useDeleteApplication, useRegisterApplication, useRotateSecret } from './applications.queries';
import { ApplicationsTable } from './ApplicationsTable';
import { ClientDialog } from './ClientDialog';
import { RevealedSecret } from './RevealedSecret';
import { RefreshFailed } from '../ui/RefreshFailed';

/** The developer's services with client credentials: register (secret shown once), rotate the secret with a grace period, delete. */
export function Component() {
  const applications = useApplications();
  const register = useRegisterApplication();
  const rotateSecret = useRotateSecret();
  const deleteApplication = useDeleteApplication();
  const [registering, setRegistering] = useState(false);
  const [rotating, setRotating] = useState<Application | null>(null);
  const [deleting, setDeleting] = useState<Application | null>(null);
  return (
    <>
      <PageHeader
        title="Applications"
        description="A key meters your calls; it does not say who makes them. Give each of your services client credentials: it exchanges them for an access token and sends that token with one of your keys."
        action={<Button onClick={() => setRegistering(true)}>Register application</Button>}
      />
      <RefreshFailed queries={[applications]} />
      {applications.error && applications.data === undefined ? (
        <QueryError error={applications.error} retry={() => void applications.refetch()} />
      ) : !applications.data ? (
        <Skeleton h={200} radius="md" />
      ) : applications.data.items.length === 0 ? (
        <EmptyState title="No applications yet">Register an application for each service that calls the API, then copy its client id and secret into that service.</EmptyState>
      ) : (
        <Card withBorder padding={0}>
          <ApplicationsTable label="Your applications" applications={applications.data.items} onRotate={setRotating} onDelete={setDeleting} />
        </Card>
      )}
      <ClientDialog
        opened={registering}
        title="Register application"
        scopes={applications.data?.availableScopes ?? []}
        nameHint="To tell your services apart, e.g. billing-service"
        submitLabel="Register"
        onClose={() => setRegistering(false)}
        create={(values) => register.mutateAsync(values)}
      />
      <RotateDialog
        opened={rotating !== null}
        title={`Rotate the secret of “${rotating?.name ?? ''}”`}
        revealedTitle="Your new client secret"
        explanation="A new secret replaces this one. Give the service time to switch before the old secret stops working."
        confirmLabel="Rotate secret"
        stopNowLabel="Stop the old secret now"
        onClose={() => setRotating(null)}
        rotate={(gracePeriodSeconds) => rotateSecret.mutateAsync({ id: rotating!.id, gracePeriodSeconds })}
        reveal={(issued, done) => <RevealedSecret issued={issued} onDone={done} />}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete application"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await deleteApplication.mutateAsync(deleting!.id);
          notifyDone(`“${deleting!.name}” is deleted`);
        }}
      >
        Its client id and secret stop working, and the gateway refuses its access tokens at once. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
