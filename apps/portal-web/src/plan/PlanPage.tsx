import { SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useMe } from '../account/me.queries';
import { FormError } from '../ui/FormError';
import { formatDate } from '../ui/format';
import { notifyDone } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { neverLoaded, RefreshFailed } from '../ui/RefreshFailed';
import { BillingCard } from './BillingCard';
import { useBilling, useChangeTier } from './billing.queries';
import { TierCard } from './TierCard';
import { useTiers } from './tiers.queries';
import { Note } from '../ui/Note';

/** The tiers side by side; moving between them, through Stripe Checkout when a tier is paid for. */
export function Component() {
  const me = useMe();
  const tiers = useTiers();
  const billing = useBilling();
  const changeTier = useChangeTier();
  const [params] = useSearchParams();
  const error = neverLoaded(me, tiers, billing);
  const outcome = changeTier.data;
  return (
    <>
      <PageHeader title="Plan" description="Your tier sets your throttle and quota; every key follows it." />
      <Stack gap="lg">
        {params.get('checkout') === 'success' && (
          <Note color="green" title="Payment received">
            Your new tier applies as soon as Stripe confirms the subscription, usually within seconds.
          </Note>
        )}
        {params.get('checkout') === 'cancel' && (
          <Note color="gray" title="Checkout cancelled">
            Nothing was charged; your tier is unchanged.
          </Note>
        )}
        {outcome?.pendingTier && (
          <Note color="blue" title="Change scheduled">
            You keep {outcome.tier} until {outcome.effectiveAt ? formatDate(outcome.effectiveAt) : 'the end of the paid period'}, then move to {outcome.pendingTier}.
          </Note>
        )}
        <FormError message={changeTier.error?.message ?? null} />
        <RefreshFailed queries={[me, tiers, billing]} />
        {error ? (
          <QueryError error={error} />
        ) : !tiers.data || !me.data ? (
          <Skeleton h={180} radius="md" />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
            {tiers.data.map((tier) => (
              <TierCard
                key={tier.slug}
                tier={tier}
                current={tier.slug === me.data.tier}
                busy={changeTier.isPending && changeTier.variables === tier.slug}
                onChoose={() =>
                  changeTier.mutate(tier.slug, { onSuccess: (changed) => changed && !changed.pendingTier && notifyDone(`You are now on ${tier.name}`) })
                }
              />
            ))}
          </SimpleGrid>
        )}
        {billing.data && <BillingCard billing={billing.data} />}
      </Stack>
    </>
  );
}
