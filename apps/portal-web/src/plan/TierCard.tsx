import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Tier } from '../api/schemas';
import { formatCount, periodName } from '../ui/format';

/** One tier on offer, and the way to move to it. */
export function TierCard({ tier, current, busy, onChoose }: { tier: Tier; current: boolean; busy: boolean; onChoose: () => void }) {
  return (
    <Card withBorder padding="lg" style={current ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between">
          <Title order={2} fz="h3">
            {tier.name}
          </Title>
          {current && <Badge>Current plan</Badge>}
        </Group>
        <Text>
          <strong>{formatCount(tier.quota.limit)}</strong> requests per {periodName(tier.quota.period)}
        </Text>
        <Text size="sm" c="dimmed">
          {formatCount(tier.throttle.rateLimit)} requests per second, bursts of {formatCount(tier.throttle.burstLimit)}
        </Text>
        {!current && (
          <Button mt="auto" variant="light" loading={busy} onClick={onChoose}>
            Switch to {tier.name}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
