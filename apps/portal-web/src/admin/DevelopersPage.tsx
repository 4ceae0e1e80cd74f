import { Anchor, Card, Group, Select, Skeleton, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatUtc } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { type DeveloperFilter, useAdminTiers, useDeveloperPage } from './admin.queries';
import { CursorPager, useCursors } from './CursorPager';
import { DeveloperStatusBadge } from './DeveloperStatusBadge';
import { RefreshFailed } from '../ui/RefreshFailed';

const STATUSES = [
  { value: 'active', label: 'Active' },
  { value: 'suspended', label: 'Suspended' },
  { value: 'pending', label: 'Pending approval' },
];

/**
 * The directory. Paging follows the API's cursor (sign-up order), so developers who sign up while an
 * admin pages appear on a later page and nobody twice; "Previous page" goes back through the cursors seen.
 */
export function Component() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<string | null>(null);
  const [tier, setTier] = useState<string | null>(null);
  const pager = useCursors();
  const filter: DeveloperFilter = { search: debouncedSearch || undefined, status: (status as DeveloperFilter['status']) ?? undefined, tier: tier ?? undefined };
  const page = useDeveloperPage(filter, pager.cursor);
  const tiers = useAdminTiers();
  const restart = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    pager.restart();
  };
  return (
    <>
      <PageHeader title="Developers" description="Every developer in sign-up order. Open one to see their keys and usage and to act on their account." />
      <Group mb="md" align="flex-end" gap="sm">
        <TextInput label="Search" placeholder="Part of an e-mail address" type="search" value={search} onChange={(event) => restart(setSearch)(event.currentTarget.value)} w={{ base: '100%', sm: 280 }} />
        <Select label="Status" placeholder="Any status" data={STATUSES} value={status} onChange={restart(setStatus)} clearable w={{ base: '100%', sm: 160 }} />
        <Select
          label="Tier"
          placeholder="Any tier"
          data={(tiers.data ?? []).map((item) => ({ value: item.slug, label: item.name }))}
          value={tier}
          onChange={restart(setTier)}
          clearable
          w={{ base: '100%', sm: 160 }}
        />
      </Group>
      <RefreshFailed queries={[page]} />
      {page.error && page.data === undefined ? (
        <QueryError error={page.error} retry={() => void page.refetch()} />
      ) : !page.data ? (
        <Skeleton h={240} radius="md" />
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label="Developers" aria-busy={page.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">E-mail</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Tier</Table.Th>
                  <Table.Th scope="col">Signed up (UTC)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.data.items.map((developer) => (
                  <Table.Tr key={developer.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/admin/developers/${developer.id}`}>
                        {developer.email}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <DeveloperStatusBadge developer={developer} />
                    </Table.Td>
                    <Table.Td>{developer.tier}</Table.Td>
                    <Table.Td>{formatUtc(developer.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {page.data.items.length === 0 && (
            <Text c="dimmed" ta="center" p="lg">
              No developer matches.
            </Text>
          )}
        </Card>
      )}
      <CursorPager pager={pager} nextCursor={page.data?.nextCursor} loading={page.isPlaceholderData} backLabel="Previous page" forwardLabel="Next page" />
    </>
  );
}
