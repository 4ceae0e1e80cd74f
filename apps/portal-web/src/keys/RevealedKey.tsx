import type { IssuedKey } from '../api/schemas';
import { CopyableField } from '../ui/CopyableField';
import { ShownOnce } from '../ui/ShownOnce';

/** A new key's value, the one time the API shows it. */
export function RevealedKey({ issued, onDone }: { issued: IssuedKey; onDone: () => void }) {
  return (
    <ShownOnce
      warningTitle="Copy it now"
      warning="This is the only time the key is shown. Keyport keeps only a fingerprint of it: if you lose it, rotate or create another."
      onDone={onDone}
    >
      <CopyableField label="API key" value={issued.value} />
    </ShownOnce>
  );
}
