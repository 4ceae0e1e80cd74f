import { Button, Card, Code, NumberInput, Select, Skeleton, Table, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { formatCount, periodName } from '../ui/format';
import { notifyDone } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { fieldProps, useApiForm } from '../ui/use-api-form';
import { ActionDialog } from './ActionDialog';
import { useAdminMutation, useAdminTiers } from './admin.queries';
import type { AdminTier, QuotaPeriod } from './admin-schemas';
import { MAX_QUOTA, QUOTA_PERIODS, wholeNumber } from './DeveloperActions';
import { RefreshFailed } from '../ui/RefreshFailed';

/** The tiers with their usage plan settings; each editable, checked here with the API's own bounds. */
export function Component() {
  const tiers = useAdminTiers();
  const [editing, setEditing] = useState<AdminTier | null>(null);
  return (
    <>
      <PageHeader title="Tiers" description="Changes apply to the tier's usage plan at the gateway within moments." />
      <RefreshFailed queries={[tiers]} />
      {tiers.error && tiers.data === undefined ? (
        <QueryError error={tiers.error} retry={() => void tiers.refetch()} />
      ) : !tiers.data ? (
        <Skeleton h={200} radius="md" />
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="sm" aria-label="Tiers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Tier</Table.Th>
                  <Table.Th scope="col">Rate (requests/s)</Table.Th>
                  <Table.Th scope="col">Burst</Table.Th>
                  <Table.Th scope="col">Quota</Table.Th>
                  <Table.Th scope="col">Stripe price</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tiers.data.map((tier) => (
                  <Table.Tr key={tier.slug}>
                    <Table.Th scope="row" fw={500}>
                      {tier.name} <Code>{tier.slug}</Code>
                    </Table.Th>
                    <Table.Td>{tier.throttle.rateLimit}</Table.Td>
                    <Table.Td>{formatCount(tier.throttle.burstLimit)}</Table.Td>
                    <Table.Td>
                      {formatCount(tier.quota.limit)} per {periodName(tier.quota.period)}
                    </Table.Td>
                    <Table.Td>{tier.stripePriceId ? <Code>{tier.stripePriceId}</Code> : 'Free'}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => setEditing(tier)} aria-label={`Edit ${tier.name}`}>
                        Edit
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {editing && <EditTierDialog key={editing.slug} tier={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function EditTierDialog({ tier, onClose }: { tier: AdminTier; onClose: () => void }) {
  const save = useAdminMutation((body: { name: string; throttle: { rateLimit: number; burstLimit: number }; quota: { limit: number; period: QuotaPeriod } }) =>
    unwrap(api.PUT('/v1/admin/tiers/{slug}', { params: { path: { slug: tier.slug } }, body })),
  );
  const form = useForm<{ name: string; rateLimit: number | string; burstLimit: number | string; limit: number | string; period: QuotaPeriod }>({
    initialValues: { name: tier.name, rateLimit: tier.throttle.rateLimit, burstLimit: tier.throttle.burstLimit, limit: tier.quota.limit, period: tier.quota.period },
    validate: {
      name: (value) => (value.trim().length >= 1 && value.length <= 100 ? null : 'Enter a name of 1 to 100 characters.'),
      rateLimit: (value) => (Number.isFinite(Number(value)) && value !== '' && Number(value) >= 0.01 && Number(value) <= 1_000_000 ? null : 'Enter a rate from 0.01 to 1,000,000.'),
      burstLimit: wholeNumber(1, 5_000_000),
      limit: wholeNumber(1, MAX_QUOTA),
    },
  });
  const submit = useApiForm(form, async (values) => {
    await save.mutateAsync({
      name: values.name.trim(),
      throttle: { rateLimit: Number(values.rateLimit), burstLimit: Number(values.burstLimit) },
      quota: { limit: Number(values.limit), period: values.period },
    });
    notifyDone(`${values.name.trim()} is saved`);
    onClose();
  });
  return (
    <ActionDialog title={`Edit ${tier.name}`} opened onClose={onClose} onSubmit={submit.onSubmit} submitLabel="Save tier" submitting={submit.submitting} error={submit.formError}>
      <TextInput label="Name" data-autofocus {...fieldProps(form, 'name')} />
      <NumberInput clampBehavior="none" label="Rate" description="Steady requests per second (may be fractional)" min={0.01} max={1_000_000} decimalScale={2} {...fieldProps(form, 'rateLimit')} />
      <NumberInput clampBehavior="none" label="Burst" description="Requests allowed in a burst" min={1} max={5_000_000} allowDecimal={false} thousandSeparator="," {...fieldProps(form, 'burstLimit')} />
      <NumberInput clampBehavior="none" label="Quota" description="Requests per period" min={1} max={MAX_QUOTA} allowDecimal={false} thousandSeparator="," {...fieldProps(form, 'limit')} />
      <Select label="Period" data={QUOTA_PERIODS} allowDeselect={false} {...fieldProps(form, 'period')} />
    </ActionDialog>
  );
}
