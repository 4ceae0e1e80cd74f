import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { QuotaStatus } from '../api/schemas';
import { formatCount, formatDateTime, periodName } from '../ui/format';

/** Where the quota stands this period: a bar, what is left, and when it starts again. */
export function QuotaCard({ quota }: { quota: QuotaStatus }) {
  const share = quota.limit > 0 ? Math.min(100, (quota.used / quota.limit) * 100) : 100;
  const color = share >= 90 ? 'red' : share >= 75 ? 'yellow' : 'blue';
  return (
    <Card withBorder padding="lg" h="100%">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Quota this {periodName(quota.period)}
        </Title>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>
            {formatCount(quota.used)} of {formatCount(quota.limit)} requests used
          </Text>
          <Text c="dimmed">{share.toFixed(share < 10 ? 1 : 0)}%</Text>
        </Group>
        <Progress value={share} color={color} size="lg" aria-label="Quota used" />
        <Text size="sm" c="dimmed">
          {formatCount(quota.remaining)} remaining · resets {formatDateTime(quota.resetsAt)}
        </Text>
      </Stack>
    </Card>
  );
}
