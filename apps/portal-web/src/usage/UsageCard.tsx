import { Card, Group, Loader, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApiKey, Usage } from '../api/schemas';
import { QueryError } from '../ui/QueryError';
import { lastDays, requestsPerDay } from './days';
import UsageChart from './UsageChart';
import { CHART_DAYS, useUsage } from './usage.queries';
import { RefreshFailed } from '../ui/RefreshFailed';

const ALL = 'all';

/** Requests per day for the last 30 days, for all keys or one chosen key. */
export function UsageCard({ keys, allKeysUsage }: { keys: ApiKey[]; allKeysUsage: Usage }) {
  const [keyId, setKeyId] = useState(ALL);
  const perKey = useUsage(keyId === ALL ? null : keyId);
  const usage = keyId === ALL ? allKeysUsage : perKey.data;
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={2} fz="h4">
            Requests per day, last {CHART_DAYS} days
          </Title>
          <Select
            label="Key"
            w={{ base: '100%', xs: 240 }}
            allowDeselect={false}
            value={keyId}
            onChange={(value) => setKeyId(value ?? ALL)}
            data={[{ value: ALL, label: 'All keys' }, ...keys.map((key) => ({ value: key.id, label: `${key.name} (…${key.last4})` }))]}
          />
        </Group>
        <RefreshFailed queries={[perKey]} />
        {keyId !== ALL && perKey.error && perKey.data === undefined ? (
          <QueryError error={perKey.error} retry={() => void perKey.refetch()} />
        ) : usage ? (
          <UsageChart days={requestsPerDay(usage.items, lastDays(CHART_DAYS))} />
        ) : (
          <ChartPlaceholder />
        )}
      </Stack>
    </Card>
  );
}

function ChartPlaceholder() {
  return (
    <Group h={260} justify="center">
      <Loader aria-label="Loading the chart" />
    </Group>
  );
}
