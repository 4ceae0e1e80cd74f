import type { ApiKey } from '../api/schemas';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/** "Revoke": asks once, because applications using the key are refused at once. */
export function RevokeKeyDialog({ apiKey, onClose, revoke }: { apiKey: ApiKey | null; onClose: () => void; revoke: () => Promise<unknown> }) {
  return (
    <ConfirmDialog opened={apiKey !== null} title={`Revoke “${apiKey?.name ?? ''}”?`} confirmLabel="Revoke key" onClose={onClose} onConfirm={revoke}>
      Requests made with this key are refused from now on. This cannot be undone.
    </ConfirmDialog>
  );
}
