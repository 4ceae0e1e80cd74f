import { Button, Card, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PendingApprovalNote } from '../account/PendingApprovalNote';
import type { ApiKey } from '../api/schemas';
import { notifyDone } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { CreateKeyDialog } from './CreateKeyDialog';
import { useCreateKey, useKeys, useRevokeKey, useRotateKey } from './keys.queries';
import { KeysTable } from './KeysTable';
import { RevokeKeyDialog } from './RevokeKeyDialog';
import { RotateKeyDialog } from './RotateKeyDialog';
import { RefreshFailed } from '../ui/RefreshFailed';

/** The developer's keys: create (value shown once), rotate with a grace period, revoke. */
export function Component() {
  const keys = useKeys();
  const createKey = useCreateKey();
  const rotateKey = useRotateKey();
  const revokeKey = useRevokeKey();
  // `?create=1` (the dashboard's "Create your first key") opens the dialog at once.
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(params.get('create') === '1');
  const [rotating, setRotating] = useState<ApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const closeCreate = () => {
    setCreating(false);
    if (params.has('create')) setParams({}, { replace: true });
  };
  return (
    <>
      <PageHeader title="Keys" description="Send a key in the x-api-key header of every call to the API." action={<Button onClick={() => setCreating(true)}>Create key</Button>} />
      <PendingApprovalNote />
      <RefreshFailed queries={[keys]} />
      {keys.error && keys.data === undefined ? (
        <QueryError error={keys.error} retry={() => void keys.refetch()} />
      ) : !keys.data ? (
        <Skeleton h={200} radius="md" />
      ) : keys.data.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="center" gap="xs">
            <Text fw={600}>No keys yet</Text>
            <Text c="dimmed">Create a key to start calling the API.</Text>
          </Stack>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          <KeysTable keys={keys.data} onRotate={setRotating} onRevoke={setRevoking} />
        </Card>
      )}
      <CreateKeyDialog opened={creating} onClose={closeCreate} create={(values) => createKey.mutateAsync(values)} />
      <RotateKeyDialog
        apiKey={rotating}
        onClose={() => setRotating(null)}
        rotate={(gracePeriodSeconds) => rotateKey.mutateAsync({ id: rotating!.id, gracePeriodSeconds })}
      />
      <RevokeKeyDialog
        apiKey={revoking}
        onClose={() => setRevoking(null)}
        revoke={async () => {
          await revokeKey.mutateAsync(revoking!.id);
          notifyDone(`“${revoking!.name}” is revoked`);
        }}
      />
    </>
  );
}
