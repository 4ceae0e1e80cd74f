import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { IssuedKey } from '../api/schemas';
import { FormError } from '../ui/FormError';
import { fieldProps, useApiForm } from '../ui/use-api-form';
import { RevealedKey } from './RevealedKey';

export interface NewKey extends Record<string, unknown> {
  name: string;
  /** ISO 8601; absent for a key that never expires. */
  expiresAt?: string;
}

/** What the form holds: the expiry as the browser's `datetime-local` value, in the user's time zone. */
interface KeyFields extends Record<string, unknown> {
  name: string;
  expiresAt: string;
}

export function CreateKeyForm({ onCreate }: { onCreate: (values: NewKey) => Promise<unknown> }) {
  const form = useForm<KeyFields>({ initialValues: { name: '', expiresAt: '' } });
  const { onSubmit, formError, submitting } = useApiForm(form, ({ name, expiresAt }) =>
    onCreate(expiresAt ? { name, expiresAt: new Date(expiresAt).toISOString() } : { name }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput label="Name" description="To tell your keys apart, e.g. production" data-autofocus {...fieldProps(form, 'name')} />
        <TextInput
          type="datetime-local"
          step={1}
          label="Expires"
          description="Optional, your local time, at most a year ahead: the gateway refuses the key from then on. Leave empty for a key that does not expire."
          {...fieldProps(form, 'expiresAt')}
        />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Create key": a name, then the value shown once. */
export function CreateKeyDialog({ opened, onClose, create }: { opened: boolean; onClose: () => void; create: (values: NewKey) => Promise<IssuedKey> }) {
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const close = () => {
    setIssued(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={issued ? 'Your new key' : 'Create key'} closeOnClickOutside={!issued}>
      {issued ? <RevealedKey issued={issued} onDone={close} /> : <CreateKeyForm onCreate={async (values) => setIssued(await create(values))} />}
    </Modal>
  );
}
