import { Card, Code, Group, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { formatUtc } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { type AuditFilter, useAuditPage } from './admin.queries';
import { auditParty, StateDiff } from './AuditEntryView';
import { CursorPager, useCursors } from './CursorPager';
import { RefreshFailed } from '../ui/RefreshFailed';

const FIELDS = [
  { name: 'actor', label: 'Actor', placeholder: 'Admin or developer id' },
  { name: 'target', label: 'Developer', placeholder: 'Developer id (or key id, tier, e-mail)' },
  { name: 'action', label: 'Action', placeholder: 'developer.suspended' },
] as const;

/** Every admin action and security event, newest first, with the state before and after. */
export function Component() {
  const [filter, setFilter] = useState<Required<Record<keyof AuditFilter, string>>>({ actor: '', target: '', action: '', from: '', to: '' });
  const [debounced] = useDebouncedValue(filter, 300);
  const pager = useCursors();
  const query: AuditFilter = {
    actor: debounced.actor.trim() || undefined,
    target: debounced.target.trim() || undefined,
    action: debounced.action.trim() || undefined,
    from: debounced.from ? `${debounced.from}T00:00:00Z` : undefined,
    to: debounced.to ? new Date(Date.parse(`${debounced.to}T00:00:00Z`) + 86_400_000).toISOString() : undefined,
  };
  const page = useAuditPage(query, pager.cursor);
  const set = (name: keyof AuditFilter) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setFilter({ ...filter, [name]: event.currentTarget.value });
    pager.restart();
  };
  return (
    <>
      <PageHeader title="Audit log" description="Admin actions and security events, newest first. Times are UTC." />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        {FIELDS.map((field) => (
          <TextInput key={field.name} label={field.label} placeholder={field.placeholder} value={filter[field.name]} onChange={set(field.name)} w={{ base: '100%', sm: 230 }} />
        ))}
        <TextInput label="From" type="date" value={filter.from} onChange={set('from')} />
        <TextInput label="To" type="date" value={filter.to} onChange={set('to')} />
      </Group>
      <RefreshFailed queries={[page]} />
      {page.error && page.data === undefined ? (
        <QueryError error={page.error} retry={() => void page.refetch()} />
      ) : !page.data ? (
        <Skeleton h={300} radius="md" />
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" striped aria-label="Audit entries" aria-busy={page.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When (UTC)</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                  <Table.Th scope="col">Actor</Table.Th>
                  <Table.Th scope="col">Target</Table.Th>
                  <Table.Th scope="col" w="40%">
                    Before / after
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.data.items.map((entry) => (
                  <Table.Tr key={entry.id} data-audit-action={entry.action}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatUtc(entry.at)}</Table.Td>
                    <Table.Th scope="row">
                      <Code>{entry.action}</Code>
                    </Table.Th>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: 'break-all' }}>
                        {auditParty(entry.actor)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: 'break-all' }}>
                        {auditParty(entry.target)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <StateDiff entry={entry} />
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {page.data.items.length === 0 && (
            <Text c="dimmed" ta="center" p="lg">
              No entry matches.
            </Text>
          )}
        </Card>
      )}
      <CursorPager pager={pager} nextCursor={page.data?.nextCursor} loading={page.isPlaceholderData} backLabel="Newer entries" forwardLabel="Older entries" />
    </>
  );
}
