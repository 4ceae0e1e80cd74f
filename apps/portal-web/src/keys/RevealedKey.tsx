import { Button, CopyButton, Group, Stack, TextInput } from '@mantine/core';
import type { IssuedKey } from '../api/schemas';
import { Note } from '../ui/Note';

/** A new key's value, the one time the API shows it. */
export function RevealedKey({ issued, onDone }: { issued: IssuedKey; onDone: () => void }) {
  return (
    <Stack>
      <Note color="yellow" title="Copy it now">
        This is the only time the key is shown. Keyport keeps only a fingerprint of it: if you lose it, rotate or create another.
      </Note>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label="API key"
          value={issued.value}
          readOnly
          flex={1}
          ff="monospace"
          onFocus={(event) => event.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <CopyButton value={issued.value}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'filled'} color={copied ? 'teal' : undefined} onClick={copy} w={96} aria-live="polite">
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
