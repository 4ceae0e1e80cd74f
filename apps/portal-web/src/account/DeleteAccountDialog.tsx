import { Button, Modal, Stack, Text, TextInput, Group } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { session } from '../auth/session';
import { FormError } from '../ui/FormError';
import { useAction } from '../ui/use-action';

/** Deleting the account is for good: the dialog wants the account's e-mail (or DELETE) typed before it acts. */
export function DeleteAccountDialog({ email, opened, onClose }: { email: string; opened: boolean; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const deletion = useAction();
  const confirmed = typed.trim() === 'DELETE' || typed.trim().toLowerCase() === email.toLowerCase();
  const close = () => {
    setTyped('');
    deletion.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Delete your account?">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirmed) return;
          void deletion.run(async () => {
            await unwrap(api.DELETE('/v1/me'));
            // The account is gone, and with it every session: no call to make.
            session.forget();
          });
        }}
      >
        <Stack>
          <Text size="sm">
            Every key stops working at once, any subscription ends now, and you are signed out. The e-mail can sign up again later. This cannot
            be undone.
          </Text>
          <TextInput
            label={`Type ${email} or DELETE to confirm`}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <FormError message={deletion.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!confirmed} loading={deletion.busy}>
              Delete my account
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
