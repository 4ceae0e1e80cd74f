import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ApiKey } from '../api/schemas';
import { FormError } from '../ui/FormError';
import { useAction } from '../ui/use-action';

/** "Revoke": asks once, because applications using the key are refused at once. */
export function RevokeKeyDialog({ apiKey, onClose, revoke }: { apiKey: ApiKey | null; onClose: () => void; revoke: () => Promise<unknown> }) {
  const { run, busy, error, reset } = useAction();
  const close = () => {
    reset();
    onClose();
  };
  return (
    <Modal opened={apiKey !== null} onClose={close} title={`Revoke “${apiKey?.name ?? ''}”?`}>
      <Stack>
        <Text size="sm">Requests made with this key are refused from now on. This cannot be undone.</Text>
        <FormError message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" onClick={() =>
              void run(async () => {
                await revoke();
                close();
              })
            } loading={busy}>
            Revoke key
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
