import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Tier } from '../api/schemas';
import { formatCount, formatMoney, periodName } from '../ui/format';

/** "$19.00 per month", "Free", or, when Stripe could not be asked, that it is paid. */
function priceOf(tier: Tier): string {
  if (!tier.paid) return 'Free';
  if (!tier.price || tier.price.amount === null) return 'Paid (price shown at checkout)';
  const amount = formatMoney(tier.price.amount, tier.price.currency);
  return tier.price.interval ? `${amount} per ${tier.price.interval}` : amount;
}

/** One tier on offer (price, quota, rate, burst), and the way to move to it. */
export function TierCard({ tier, current, busy, onChoose }: { tier: Tier; current: boolean; busy: boolean; onChoose: () => void }) {
  const rows: Array<[string, string]> = [
    ['Price', priceOf(tier)],
    ['Quota', `${formatCount(tier.quota.limit)} requests per ${periodName(tier.quota.period)}`],
    ['Rate', `${formatCount(tier.throttle.rateLimit)} requests per second`],
    ['Burst', `${formatCount(tier.throttle.burstLimit)} requests`],
  ];
  return (
    <Card withBorder padding="lg" style={current ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between">
          <Title order={2} fz="h3">
            {tier.name}
          </Title>
          {current && <Badge>Current plan</Badge>}
        </Group>
        <Table variant="vertical" withRowBorders={false} verticalSpacing={4} aria-label={`${tier.name} tier`}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" w={80} fw={500}>
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!current && (
          <Stack mt="auto" gap={4}>
            <Button variant="light" loading={busy} onClick={onChoose}>
              Switch to {tier.name}
            </Button>
            {tier.paid && (
              <Text size="xs" c="dimmed" ta="center">
                Payment through Stripe Checkout
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
