import { Button, Group, NumberInput, Select, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { FormError } from '../ui/FormError';
import { formatCount } from '../ui/format';
import { notifyDone } from '../ui/notify';
import { fieldProps, useApiForm } from '../ui/use-api-form';
import { useAction } from '../ui/use-action';
import type { ActionOutcome } from './ActionResult';
import { ActionDialog } from './ActionDialog';
import { latestAuditEntry, useAdminMutation, useAdminTiers, useDeveloperRole } from './admin.queries';
import type { AdminDeveloperDetail, QuotaPeriod } from './admin-schemas';

type Dialog = 'suspend' | 'decline' | 'tier' | 'override' | 'grant' | 'delete' | null;

export const QUOTA_PERIODS = [
  { value: 'DAY', label: 'Per day' },
  { value: 'WEEK', label: 'Per week' },
  { value: 'MONTH', label: 'Per month' },
];
export const MAX_QUOTA = 2_000_000_000;

/**
 * The actions the admin API offers on one developer. Each reports what it did and the audit entry it
 * wrote (the newest entry about the developer, read right after the call).
 */
export function DeveloperActions({ developer, onOutcome }: { developer: AdminDeveloperDetail; onOutcome: (outcome: ActionOutcome) => void }) {
  const id = developer.id;
  const path = { params: { path: { id } } };
  const [dialog, setDialog] = useState<Dialog>(null);
  const direct = useAction();
  const mutate = useAdminMutation(async ({ call, message }: { call: () => Promise<unknown>; message: string }) => {
    await call();
    onOutcome({ message, audit: await latestAuditEntry(id) });
  });
  const act = (message: string, call: () => Promise<unknown>) => mutate.mutateAsync({ call, message });
  const close = () => setDialog(null);
  const navigate = useNavigate();
  const declineSubmit = useAction();
  const decline = () =>
    void declineSubmit.run(async () => {
      await unwrap(api.POST('/v1/admin/developers/{id}/decline', path));
      // The sign-up is gone, and with it this page: back to the list, saying what happened.
      notifyDone(`${developer.email}'s sign-up is declined and removed`);
      void navigate('/admin/developers', { replace: true });
    });
  const tiers = useAdminTiers();
  const role = useDeveloperRole(id);
  const setRole = (next: 'admin' | 'developer', message: string) =>
    void direct.run(() => act(message, () => unwrap(api.PUT('/v1/admin/developers/{id}/role', { ...path, body: { role: next } }))));

  const suspend = useForm({ initialValues: { reason: '' }, validate: { reason: (value) => (value.trim() ? null : 'Say why: the reason goes to the audit log.') } });
  const suspendSubmit = useApiForm(suspend, async ({ reason }) => {
    await act(`${developer.email} is suspended`, () => unwrap(api.POST('/v1/admin/developers/{id}/suspend', { ...path, body: { reason: reason.trim() } })));
    suspend.reset();
    close();
  });
  const tier = useForm({ initialValues: { tier: developer.tier }, validate: { tier: (value) => (value ? null : 'Choose a tier.') } });
  const tierSubmit = useApiForm(tier, async (values) => {
    await act(`${developer.email} is now on ${values.tier}`, () => unwrap(api.PUT('/v1/admin/developers/{id}/tier', { ...path, body: { tier: values.tier } })));
    close();
  });
  const override = useForm<{ limit: number | string; period: QuotaPeriod }>({
    initialValues: { limit: developer.quotaOverride?.limit ?? developer.usage.limit, period: (developer.quotaOverride?.period ?? developer.usage.period) as QuotaPeriod },
    validate: { limit: wholeNumber(1, MAX_QUOTA) },
  });
  const overrideSubmit = useApiForm(override, async ({ limit, period }) => {
    await act(`${developer.email} has their own quota`, () => unwrap(api.PUT('/v1/admin/developers/{id}/quota', { ...path, body: { limit: Number(limit), period } })));
    close();
  });
  const grant = useForm<{ requests: number | string }>({ initialValues: { requests: 10_000 }, validate: { requests: wholeNumber(1, MAX_QUOTA) } });
  const grantSubmit = useApiForm(grant, async ({ requests }) => {
    await act(`${Number(requests)} requests granted for this period`, () => unwrap(api.POST('/v1/admin/developers/{id}/quota/grants', { ...path, body: { requests: Number(requests) } })));
    close();
  });

  const removal = useForm({
    initialValues: { typed: '' },
    validate: { typed: (value) => (value.trim().toLowerCase() === developer.email.toLowerCase() || value.trim() === 'DELETE' ? null : `Type ${developer.email} or DELETE.`) },
  });
  const removalSubmit = useApiForm(removal, async () => {
    await act(`${developer.email} is deleted`, () => unwrap(api.DELETE('/v1/admin/developers/{id}', path)));
    removal.reset();
    close();
  });

  if (developer.status === 'deleted') return null;
  return (
    <>
      <Group gap="sm" wrap="wrap">
        {!developer.confirmed && (
          <Button variant="default" loading={direct.busy} onClick={() => void direct.run(() => act(`${developer.email}'s sign-up is confirmed`, () => unwrap(api.POST('/v1/admin/developers/{id}/confirm', path))))}>
            Confirm sign-up
          </Button>
        )}
        {developer.status === 'pending' && (
          <>
            <Button loading={direct.busy} onClick={() => void direct.run(() => act(`${developer.email} is approved`, () => unwrap(api.POST('/v1/admin/developers/{id}/approve', path))))}>
              Approve
            </Button>
            <Button color="red" variant="light" onClick={() => setDialog('decline')}>
              Decline
            </Button>
          </>
        )}
        {developer.status === 'pending' ? null : developer.status === 'suspended' ? (
          <Button loading={direct.busy} onClick={() => void direct.run(() => act(`${developer.email} is reinstated`, () => unwrap(api.POST('/v1/admin/developers/{id}/reinstate', path))))}>
            Reinstate
          </Button>
        ) : (
          <Button color="red" variant="light" onClick={() => setDialog('suspend')}>
            Suspend
          </Button>
        )}
        <Button variant="default" onClick={() => setDialog('tier')}>
          Change tier
        </Button>
        <Button variant="default" onClick={() => setDialog('override')}>
          Override
        </Button>
        {developer.quotaOverride && (
          <Button variant="default" loading={direct.busy} onClick={() => void direct.run(() => act(`${developer.email} is back on their tier's quota`, () => unwrap(api.DELETE('/v1/admin/developers/{id}/quota', path))))}>
            Remove override
          </Button>
        )}
        <Button variant="default" onClick={() => setDialog('grant')}>
          Grant
        </Button>
        {role.data === 'developer' && (
          <Button variant="default" loading={direct.busy} onClick={() => setRole('admin', `${developer.email} is now an admin`)}>
            Make admin
          </Button>
        )}
        {role.data === 'admin' && (
          <Button variant="default" loading={direct.busy} onClick={() => setRole('developer', `${developer.email} is no longer an admin`)}>
            Remove admin
          </Button>
        )}
        <Button color="red" variant="outline" onClick={() => setDialog('delete')}>
          Delete developer
        </Button>
      </Group>
      <FormError message={direct.error} />

      <ActionDialog title={`Suspend ${developer.email}?`} opened={dialog === 'suspend'} onClose={close} onSubmit={suspendSubmit.onSubmit} submitLabel="Suspend developer" submitting={suspendSubmit.submitting} error={suspendSubmit.formError} danger>
        <Textarea label="Reason" description="Recorded in the audit log. Every key is refused at the gateway until reinstated." autosize minRows={2} maxLength={500} data-autofocus {...fieldProps(suspend, 'reason')} />
      </ActionDialog>
      <ActionDialog
        title={`Decline ${developer.email}?`}
        opened={dialog === 'decline'}
        onClose={close}
        onSubmit={(event) => {
          event?.preventDefault();
          decline();
        }}
        submitLabel="Decline sign-up"
        submitting={declineSubmit.busy}
        error={declineSubmit.error}
        danger
      >
        <Text size="sm">Their account is deleted; they may sign up again with the same address.</Text>
      </ActionDialog>
      <ActionDialog title={`Delete ${developer.email}?`} opened={dialog === 'delete'} onClose={close} onSubmit={removalSubmit.onSubmit} submitLabel="Delete developer" submitting={removalSubmit.submitting} error={removalSubmit.formError} danger>
        <TextInput label={`Type ${developer.email} or DELETE to confirm`} description="Every key is revoked, any subscription ends now, the sign-in is removed. The audit trail stays." autoComplete="off" data-autofocus {...fieldProps(removal, 'typed')} />
      </ActionDialog>
      <ActionDialog title="Change tier" opened={dialog === 'tier'} onClose={close} onSubmit={tierSubmit.onSubmit} submitLabel="Save tier" submitting={tierSubmit.submitting} error={tierSubmit.formError}>
        <Select label="Tier" description="Applied at once and never billed; every key moves plan." data={(tiers.data ?? []).map((item) => ({ value: item.slug, label: item.name }))} allowDeselect={false} {...fieldProps(tier, 'tier')} />
      </ActionDialog>
      <ActionDialog title="Override quota" opened={dialog === 'override'} onClose={close} onSubmit={overrideSubmit.onSubmit} submitLabel="Save quota" submitting={overrideSubmit.submitting} error={overrideSubmit.formError}>
        <NumberInput clampBehavior="none" label="Quota" description="Requests allowed per period, replacing the tier's quota." min={1} max={MAX_QUOTA} allowDecimal={false} thousandSeparator="," data-autofocus {...fieldProps(override, 'limit')} />
        <Select label="Period" data={QUOTA_PERIODS} allowDeselect={false} {...fieldProps(override, 'period')} />
      </ActionDialog>
      <ActionDialog title="Grant requests" opened={dialog === 'grant'} onClose={close} onSubmit={grantSubmit.onSubmit} submitLabel="Grant requests" submitting={grantSubmit.submitting} error={grantSubmit.formError}>
        <NumberInput clampBehavior="none" label="Requests" description="Added to this period's quota only; they lapse when it resets." min={1} max={MAX_QUOTA} allowDecimal={false} thousandSeparator="," data-autofocus {...fieldProps(grant, 'requests')} />
      </ActionDialog>
    </>
  );
}

/** A Mantine validator: a whole number within bounds. */
export function wholeNumber(min: number, max: number) {
  return (value: number | string) => {
    const number = typeof value === 'number' ? value : Number(String(value).replace(/,/g, ''));
    if (value === '' || !Number.isInteger(number)) return 'Enter a whole number.';
    if (number < min || number > max) return `Enter a number from ${formatCount(min)} to ${formatCount(max)}.`;
    return null;
  };
}
