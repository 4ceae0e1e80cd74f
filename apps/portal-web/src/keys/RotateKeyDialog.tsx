import type { ApiKey, IssuedKey } from '../api/schemas';
import { RotateDialog } from '../ui/RotateDialog';
import { RevealedKey } from './RevealedKey';

/** "Rotate": a successor key, with a grace period for the old one. */
export function RotateKeyDialog({ apiKey, onClose, rotate }: { apiKey: ApiKey | null; onClose: () => void; rotate: (gracePeriodSeconds: number) => Promise<IssuedKey> }) {
  return (
    <RotateDialog
      opened={apiKey !== null}
      title={`Rotate “${apiKey?.name ?? ''}”`}
      revealedTitle="Your new key"
      explanation="A new key replaces this one. Give your applications time to switch before the old key stops working."
      confirmLabel="Rotate key"
      stopNowLabel="Stop the old key now"
      onClose={onClose}
      rotate={rotate}
      reveal={(issued, done) => <RevealedKey issued={issued} onDone={done} />}
    />
  );
}
