import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { FormError } from './FormError';
import { useAction } from './use-action';

/** How long the old credential keeps working; the API's default is a day, its maximum a week (keys and secrets alike). */
const GRACE_PERIODS = [
  { seconds: 0, label: 'Stop the old one now' },
  { seconds: 3_600, label: '1 hour' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 604_800, label: '7 days' },
];

/**
 * A rotation: choose the grace period, then the successor shown once (`reveal`). `opened` is the
 * credential being rotated; the dialog keeps what it issued until it closes.
 */
export function RotateDialog<Issued>({
  opened,
  title,
  revealedTitle,
  explanation,
  confirmLabel,
  stopNowLabel,
  onClose,
  rotate,
  reveal,
}: {
  opened: boolean;
  title: string;
  revealedTitle: string;
  explanation: ReactNode;
  confirmLabel: string;
  /** The words of the "no grace period" choice, e.g. "Stop the old key now". */
  stopNowLabel?: string;
  onClose: () => void;
  rotate: (gracePeriodSeconds: number) => Promise<Issued>;
  reveal: (issued: Issued, done: () => void) => ReactNode;
}) {
  const [grace, setGrace] = useState('86400');
  const [issued, setIssued] = useState<Issued | null>(null);
  const { run, busy, error, reset } = useAction();
  const close = () => {
    setIssued(null);
    reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={issued ? revealedTitle : title} closeOnClickOutside={!issued}>
      {issued ? (
        reveal(issued, close)
      ) : (
        <Stack>
          <Text size="sm">{explanation}</Text>
          <Radio.Group label="Grace period" value={grace} onChange={setGrace}>
            <Stack gap="xs" mt="xs">
              {GRACE_PERIODS.map((period) => (
                <Radio key={period.seconds} value={String(period.seconds)} label={period.seconds === 0 && stopNowLabel ? stopNowLabel : period.label} />
              ))}
            </Stack>
          </Radio.Group>
          <FormError message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => void run(async () => setIssued(await rotate(Number(grace))))} loading={busy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
