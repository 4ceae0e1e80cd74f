import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Tier } from '../api/schemas';
import { formatCount } from '../ui/format';

/** The tier the developer is on and its throttle. */
export function PlanCard({ tier }: { tier: Tier }) {
  return (
    <Card withBorder padding="lg" h="100%">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Plan: {tier.name}
        </Title>
        <Text>
          Rate <strong>{formatCount(tier.throttle.rateLimit)}</strong> requests per second, burst <strong>{formatCount(tier.throttle.burstLimit)}</strong>
        </Text>
        <Anchor component={Link} to="/plan" size="sm">
          Compare plans
        </Anchor>
      </Stack>
    </Card>
  );
}
