import { Anchor, Card, Code, Group, Progress, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { KeyStatusBadge } from '../keys/KeyStatusBadge';
import { formatCount, formatDateTime, formatUtc, periodName } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { lastDays, requestsPerDay } from '../usage/days';
import UsageChart from '../usage/UsageChart';
import { type ActionOutcome, ActionResult } from './ActionResult';
import { useDeveloper, useUsageTotals } from './admin.queries';
import type { AdminDeveloperDetail } from './admin-schemas';
import { DeveloperActions } from './DeveloperActions';
import { DeveloperStatusBadge } from './DeveloperStatusBadge';
import { FactsTable } from './FactsTable';
import { RefreshFailed } from '../ui/RefreshFailed';

/** One developer: profile, quota utilisation, usage, keys, and what an admin can do about them. */
export function Component() {
  const { id = '' } = useParams();
  const developer = useDeveloper(id);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  if (developer.error && developer.data === undefined) return <QueryError error={developer.error} retry={() => void developer.refetch()} />;
  if (!developer.data) return <Skeleton h={400} radius="md" />;
  const data = developer.data;
  return (
    <>
      <Anchor component={Link} to="/admin/developers" size="sm">
        ← Developers
      </Anchor>
      <PageHeader title={data.email} description={`Developer ${data.id}`} />
      <RefreshFailed queries={[developer]} />
      <ActionResult outcome={outcome} />
      <Card withBorder padding="lg" mb="lg">
        <Title order={2} fz="h4" mb="sm">
          Actions
        </Title>
        <DeveloperActions developer={data} onOutcome={setOutcome} />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <Profile developer={data} />
        <QuotaUtilisation developer={data} />
      </SimpleGrid>
      <DeveloperUsage id={data.id} />
      <Card withBorder padding={0} mt="lg">
        <Title order={2} fz="h4" p="md">
          Keys
        </Title>
        <DeveloperKeys developer={data} />
      </Card>
    </>
  );
}

function Profile({ developer }: { developer: AdminDeveloperDetail }) {
  const rows: Array<[string, React.ReactNode]> = [
    ['E-mail', developer.email],
    ['Status', <DeveloperStatusBadge key="status" developer={developer} />],
    ['Tier', developer.tier],
    ['Created', formatDateTime(developer.createdAt)],
    ['Billing', developer.billing ? developer.billing.status : 'Billing is off'],
  ];
  if (developer.suspendedReason) rows.splice(2, 0, ['Suspended because', developer.suspendedReason]);
  return (
    <Card withBorder padding="lg">
      <Title order={2} fz="h4" mb="sm">
        Profile
      </Title>
      <FactsTable label="Profile" rows={rows} />
    </Card>
  );
}

function QuotaUtilisation({ developer }: { developer: AdminDeveloperDetail }) {
  const { used, limit, granted, period, periodEnd } = developer.usage;
  const available = limit + granted;
  const share = available > 0 ? used / available : 0;
  return (
    <Card withBorder padding="lg">
      <Title order={2} fz="h4" mb="sm">
        Quota utilisation
      </Title>
      <Stack gap="xs">
        <Text data-quota-used>
          {formatCount(used)} of {formatCount(available)} requests used this {periodName(period)}
        </Text>
        <Progress value={Math.min(100, share * 100)} color={share >= 1 ? 'red' : share >= 0.8 ? 'orange' : 'blue'} aria-label="Share of the quota used" size="lg" />
        <Text size="sm" c="dimmed">
          Quota {formatCount(limit)} per {periodName(period)}
          {developer.quotaOverride ? ' (their own, replacing the tier’s)' : ' (the tier’s)'}
          {granted > 0 ? `, plus ${formatCount(granted)} granted` : ''}. Resets {formatDateTime(periodEnd)}.
        </Text>
      </Stack>
    </Card>
  );
}

function DeveloperUsage({ id }: { id: string }) {
  const [range] = useState(() => lastDays(30));
  const usage = useUsageTotals(range, 'day', id);
  return (
    <Card withBorder padding="lg">
      <Title order={2} fz="h4" mb="sm">
        Requests per day
      </Title>
      <RefreshFailed queries={[usage]} />
      {usage.error && usage.data === undefined ? (
        <QueryError error={usage.error} retry={() => void usage.refetch()} />
      ) : (
        usage.data ? <UsageChart days={requestsPerDay(usage.data.groups.map((group) => ({ date: group.group, requests: group.requests })), range)} /> : <Skeleton h={260} />
      )}
    </Card>
  );
}

function DeveloperKeys({ developer }: { developer: AdminDeveloperDetail }) {
  if (developer.keys.length === 0)
    return (
      <Text c="dimmed" px="md" pb="md">
        No keys yet.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm" aria-label="Their keys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Key</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Created (UTC)</Table.Th>
            <Table.Th scope="col">Expires (UTC)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {developer.keys.map((key) => (
            <Table.Tr key={key.id}>
              <Table.Th scope="row" fw={500}>
                {key.name}
              </Table.Th>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Code>
                    {key.prefix}…{key.last4}
                  </Code>
                </Group>
              </Table.Td>
              <Table.Td>
                <KeyStatusBadge status={key.status} />
              </Table.Td>
              <Table.Td>{formatUtc(key.createdAt)}</Table.Td>
              <Table.Td>{key.revokedAt ? `Revoked ${formatUtc(key.revokedAt)}` : key.expiresAt ? formatUtc(key.expiresAt) : 'Never'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
