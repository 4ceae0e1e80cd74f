import { Button, Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../account/me.queries';
import { useKeys } from '../keys/keys.queries';
import { useTiers } from '../plan/tiers.queries';
import { PendingApprovalNote } from '../account/PendingApprovalNote';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { neverLoaded, RefreshFailed } from '../ui/RefreshFailed';
import { PlanCard } from './PlanCard';
import { QuotaCard } from './QuotaCard';
import { UsageCard } from './UsageCard';
import { useUsage } from './usage.queries';

/** Where the developer stands: plan, throttle, quota, and requests per day. */
export function Component() {
  const me = useMe();
  const tiers = useTiers();
  const keys = useKeys();
  const usage = useUsage(null);
  const error = neverLoaded(me, tiers, keys, usage);
  const tier = tiers.data?.find((candidate) => candidate.slug === me.data?.tier);
  return (
    <>
      <PageHeader title="Dashboard" description={me.data?.email} />
      <PendingApprovalNote />
      <RefreshFailed queries={[me, tiers, keys, usage]} />
      {error ? (
        <QueryError error={error} retry={() => void Promise.all([me.refetch(), tiers.refetch(), keys.refetch(), usage.refetch()])} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {tier ? <PlanCard tier={tier} /> : <Skeleton h={140} radius="md" />}
            {usage.data ? <QuotaCard quota={usage.data.quota} /> : <Skeleton h={140} radius="md" />}
          </SimpleGrid>
          {keys.data?.length === 0 ? (
            <FirstKey />
          ) : keys.data && usage.data ? (
            <UsageCard keys={keys.data} allKeysUsage={usage.data} />
          ) : (
            <Skeleton h={340} radius="md" />
          )}
        </Stack>
      )}
    </>
  );
}

function FirstKey() {
  return (
    <Card withBorder padding="xl">
      <Stack align="center" gap="sm" ta="center">
        <Title order={2} fz="h4">
          No keys yet
        </Title>
        <Text c="dimmed" maw={420}>
          Calls to the API need a key. Create one, and the requests made with it appear here.
        </Text>
        <Button component={Link} to="/keys?create=1">
          Create your first key
        </Button>
      </Stack>
    </Card>
  );
}
