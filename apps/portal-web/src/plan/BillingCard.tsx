import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { BillingStatus } from '../api/schemas';
import { FormError } from '../ui/FormError';
import { formatDate } from '../ui/format';
import { QueryError } from '../ui/QueryError';
import { useAction } from '../ui/use-action';
import { openBillingPortal, useInvoices } from './billing.queries';
import { InvoicesTable } from './InvoicesTable';
import { RefreshFailed } from '../ui/RefreshFailed';

/** With billing on: the subscription, "Manage billing" (Stripe's Customer Portal) and the invoices. */
export function BillingCard({ billing }: { billing: BillingStatus }) {
  const invoices = useInvoices(true);
  const portal = useAction();
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} fz="h4">
              Billing
            </Title>
            <Text size="sm" c="dimmed">
              Subscription: {billing.status}
              {billing.currentPeriodEnd && ` · ${billing.cancelAtPeriodEnd ? 'ends' : 'renews'} ${formatDate(billing.currentPeriodEnd)}`}
              {billing.pastDueSince && ` · payment overdue since ${formatDate(billing.pastDueSince)}`}
            </Text>
          </Stack>
          <Button variant="default" loading={portal.busy} onClick={() => void portal.run(openBillingPortal)}>
            Manage billing
          </Button>
        </Group>
        <FormError message={portal.error} />
        <Title order={3} fz="h5">
          Invoices
        </Title>
        <RefreshFailed queries={[invoices]} />
        {invoices.error && invoices.data === undefined ? <QueryError error={invoices.error} retry={() => void invoices.refetch()} /> : <InvoicesTable invoices={invoices.data ?? []} />}
      </Stack>
    </Card>
  );
}
