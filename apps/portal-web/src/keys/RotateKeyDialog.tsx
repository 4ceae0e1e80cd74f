import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiKey, IssuedKey } from '../api/schemas';
import { FormError } from '../ui/FormError';
import { useAction } from '../ui/use-action';
import { RevealedKey } from './RevealedKey';

/** How long the old key keeps working; the API's default is a day, its maximum a week. */
const GRACE_PERIODS = [
  { seconds: 0, label: 'Stop the old key now' },
  { seconds: 3_600, label: '1 hour' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 604_800, label: '7 days' },
];

/** "Rotate": a successor key, with a grace period for the old one. */
export function RotateKeyDialog({ apiKey, onClose, rotate }: { apiKey: ApiKey | null; onClose: () => void; rotate: (gracePeriodSeconds: number) => Promise<IssuedKey> }) {
  const [grace, setGrace] = useState('86400');
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const { run, busy, error, reset } = useAction();
  const close = () => {
    setIssued(null);
    reset();
    onClose();
  };
  return (
    <Modal opened={apiKey !== null} onClose={close} title={issued ? 'Your new key' : `Rotate “${apiKey?.name ?? ''}”`} closeOnClickOutside={!issued}>
      {issued ? (
        <RevealedKey issued={issued} onDone={close} />
      ) : (
        <Stack>
          <Text size="sm">A new key replaces this one. Give your applications time to switch before the old key stops working.</Text>
          <Radio.Group label="Grace period" value={grace} onChange={setGrace}>
            <Stack gap="xs" mt="xs">
              {GRACE_PERIODS.map((period) => (
                <Radio key={period.seconds} value={String(period.seconds)} label={period.label} />
              ))}
            </Stack>
          </Radio.Group>
          <FormError message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => void run(async () => setIssued(await rotate(Number(grace))))} loading={busy}>
              Rotate key
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
