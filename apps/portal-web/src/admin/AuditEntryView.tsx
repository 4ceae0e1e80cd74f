import { Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../ui/format';
import type { AuditEntry } from './admin-schemas';

const party = (value: { type: string | null; id: string | null }) => (value.type ? `${value.type} ${value.id ?? ''}`.trim() : (value.id ?? '—'));

/** The state before and after, as the API recorded it. */
export function StateDiff({ entry }: { entry: Pick<AuditEntry, 'before' | 'after'> }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      {(['before', 'after'] as const).map((side) => (
        <Stack gap={2} key={side}>
          <Text size="xs" c="dimmed" tt="uppercase">
            {side === 'before' ? 'Before' : 'After'}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', overflow: 'visible' }}>{entry[side] === null || entry[side] === undefined ? '—' : JSON.stringify(entry[side], null, 1)}</Code>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** One audit entry in full: who, what, to whom, when, before/after. */
export function AuditEntryView({ entry }: { entry: AuditEntry }) {
  return (
    <Stack gap="xs" data-audit-entry={entry.id}>
      <Group gap="xs" wrap="wrap">
        <Code>{entry.action}</Code>
        <Text size="sm">by {party(entry.actor)}</Text>
        <Text size="sm" c="dimmed">
          {formatDateTime(entry.at)}
        </Text>
      </Group>
      <StateDiff entry={entry} />
    </Stack>
  );
}

export { party as auditParty };
