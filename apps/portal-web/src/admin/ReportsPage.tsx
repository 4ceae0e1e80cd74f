import { Anchor, Button, Card, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../ui/FormError';
import { formatCount, formatDay } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useAction } from '../ui/use-action';
import { lastDays, requestsPerDay } from '../usage/days';
import { type DayRange, useQuotaUtilization, useTopDevelopers, useUsageTotals } from './admin.queries';
import type { DeveloperUsage } from './admin-schemas';
import { downloadUsageCsv } from './csv-download';
import { RequestsByDayChart, RequestsByTierChart } from './ReportCharts';
import { RefreshFailed } from '../ui/RefreshFailed';


const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PRESETS = ['7', '30', '90'];
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Requests over time, by tier, the heaviest developers and who is near their quota; CSV of the range. */
export function Component() {
  const [range, setRange] = useState<DayRange>(() => lastDays(30));
  const [preset, setPreset] = useState('30');
  const valid = DAY.test(range.from) && DAY.test(range.to) && range.from <= range.to;
  const [shown, setShown] = useState(range);
  const byDay = useUsageTotals(shown, 'day');
  const byTier = useUsageTotals(shown, 'tier');
  const top = useTopDevelopers(shown);
  const [threshold, setThreshold] = useState('0.8');
  const utilization = useQuotaUtilization(Number(threshold));
  const csv = useAction();
  const choose = (next: DayRange) => {
    setRange(next);
    if (DAY.test(next.from) && DAY.test(next.to) && next.from <= next.to) setShown(next);
  };
  return (
    <>
      <PageHeader
        title="Reports"
        description="Requests the gateway admitted, per UTC day."
        action={
          <Button variant="default" loading={csv.busy} onClick={() => void csv.run(() => downloadUsageCsv(shown))}>
            Download CSV
          </Button>
        }
      />
      <FormError message={csv.error} />
      <Group align="flex-end" gap="sm" mb="lg" wrap="wrap">
        <SegmentedControl
          aria-label="Last days"
          value={preset}
          onChange={(value) => {
            setPreset(value);
            choose(lastDays(Number(value)));
          }}
          data={PRESETS.map((days) => ({ value: days, label: `${days} days` }))}
        />
        <TextInput label="From" type="date" value={range.from} onChange={(event) => (setPreset(''), choose({ ...range, from: event.currentTarget.value }))} error={!valid && 'From must be on or before To.'} />
        <TextInput label="To" type="date" value={range.to} onChange={(event) => (setPreset(''), choose({ ...range, to: event.currentTarget.value }))} />
      </Group>
      <Section title="Requests per day">
        <RefreshFailed queries={[byDay]} />
        {byDay.error && byDay.data === undefined ? (
          <QueryError error={byDay.error} retry={() => void byDay.refetch()} />
        ) : byDay.data ? (
          <Stack gap="xs">
            <Text data-report-total>
              {formatCount(byDay.data.total)} requests from {formatDay(`${byDay.data.from}T00:00:00Z`)} to {formatDay(`${byDay.data.to}T00:00:00Z`)}
            </Text>
            <RequestsByDayChart days={requestsPerDay(byDay.data.groups.map((group) => ({ date: group.group, requests: group.requests })), byDay.data)} />
          </Stack>
        ) : (
          <Skeleton h={280} />
        )}
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="lg">
        <Section title="Requests by tier">
          <RefreshFailed queries={[byTier]} />
          {byTier.error && byTier.data === undefined ? (
            <QueryError error={byTier.error} retry={() => void byTier.refetch()} />
          ) : byTier.data ? (
            <Stack>
              <RequestsByTierChart tiers={byTier.data.groups} />
              <Table aria-label="Requests by tier">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Tier</Table.Th>
                    <Table.Th scope="col">Requests</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {byTier.data.groups.map((group) => (
                    <Table.Tr key={group.group}>
                      <Table.Th scope="row">{group.group}</Table.Th>
                      <Table.Td>{formatCount(group.requests)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          ) : (
            <Skeleton h={220} />
          )}
        </Section>
        <Section title="Top developers">
          <RefreshFailed queries={[top]} />
          {top.error && top.data === undefined ? <QueryError error={top.error} retry={() => void top.refetch()} /> : top.data ? <UsageTable label="Top developers" rows={top.data.items} /> : <Skeleton h={220} />}
        </Section>
      </SimpleGrid>
      <Section title="Quota utilisation this period" mt="lg">
        <SegmentedControl
          aria-label="At least this share of their quota"
          mb="sm"
          value={threshold}
          onChange={setThreshold}
          data={[
            { value: '0.5', label: '50% or more' },
            { value: '0.8', label: '80% or more' },
            { value: '1', label: 'Over quota' },
          ]}
        />
        <RefreshFailed queries={[utilization]} />
        {utilization.error && utilization.data === undefined ? (
          <QueryError error={utilization.error} retry={() => void utilization.refetch()} />
        ) : utilization.data ? (
          <>
            <Text size="sm" mb="xs">
              {formatCount(utilization.data.total)} developers at or above {percent(utilization.data.threshold)} of their quota
            </Text>
            <UsageTable label="Quota utilisation" rows={utilization.data.items} />
          </>
        ) : (
          <Skeleton h={160} />
        )}
      </Section>
    </>
  );
}

function Section({ title, children, mt }: { title: string; children: ReactNode; mt?: string }) {
  return (
    <Card withBorder padding="lg" mt={mt} component="section" aria-label={title}>
      <Title order={2} fz="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function UsageTable({ label, rows }: { label: string; rows: DeveloperUsage[] }) {
  if (rows.length === 0) return <Text c="dimmed">Nobody in this range.</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Developer</Table.Th>
            <Table.Th scope="col">Tier</Table.Th>
            <Table.Th scope="col">Requests</Table.Th>
            <Table.Th scope="col">Of quota</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.developerId}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/admin/developers/${row.developerId}`}>
                  {row.email}
                </Anchor>
              </Table.Th>
              <Table.Td>{row.tier}</Table.Td>
              <Table.Td>{formatCount(row.requests)}</Table.Td>
              <Table.Td>{percent(row.share)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
