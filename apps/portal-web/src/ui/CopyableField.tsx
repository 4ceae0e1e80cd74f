import { Button, CopyButton, Group, TextInput } from '@mantine/core';

/**
 * A value to take away: a read-only field (its text selected on focus) and a "Copy" button.
 * `copyName` gives the button a fuller accessible name when a dialog holds several of them.
 */
export function CopyableField({ label, value, copyName }: { label: string; value: string; copyName?: string }) {
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        flex={1}
        miw={0}
        ff="monospace"
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'light' : 'filled'}
            color={copied ? 'teal' : undefined}
            onClick={copy}
            w={96}
            aria-live="polite"
            aria-label={copyName && (copied ? `Copied ${copyName.replace(/^Copy /, '')}` : copyName)}
          >
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
