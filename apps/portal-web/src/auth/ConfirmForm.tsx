import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormError } from '../ui/FormError';
import { useAction } from '../ui/use-action';
import { fieldProps, useApiForm } from '../ui/use-api-form';
import { Note } from '../ui/Note';

export interface Confirmation extends Record<string, unknown> {
  email: string;
  code: string;
}

/** The second step of sign-up; "Resend code" asks for a new code for the e-mail in the form. */
export function ConfirmForm({
  email,
  embeddedIdentity,
  onConfirm,
  onResend,
}: {
  email: string;
  embeddedIdentity: boolean;
  onConfirm: (values: Confirmation) => Promise<unknown>;
  onResend: (email: string) => Promise<unknown>;
}) {
  const form = useForm<Confirmation>({ initialValues: { email, code: '' } });
  const { onSubmit, formError, submitting } = useApiForm(form, onConfirm);
  const resend = useAction();
  const [resent, setResent] = useState(false);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {embeddedIdentity ? (
          <Note color="blue" title="Where is the code?">
            This Keyport runs its embedded Cognito, which has no mailbox: the code is in the server log, on a line
            starting with “Code for {form.getValues().email || 'your e-mail'}”.
          </Note>
        ) : (
          <Text size="sm">We e-mailed a confirmation code to the address below.</Text>
        )}
        <TextInput label="Email" type="email" autoComplete="email" {...fieldProps(form, 'email')} />
        <TextInput label="Code" autoComplete="one-time-code" inputMode="numeric" {...fieldProps(form, 'code')} />
        <FormError message={formError} />
        <Group justify="space-between">
          <Button
            variant="subtle"
            loading={resend.busy}
            onClick={() => void resend.run(async () => (await onResend(form.getValues().email), setResent(true)))}
          >
            Resend code
          </Button>
          <Button type="submit" loading={submitting}>
            Confirm
          </Button>
        </Group>
        {resent ? (
          <Text role="status" size="sm">
            If this account still needs confirming, a new code is on its way{embeddedIdentity ? ' (in the server log)' : ''}.
          </Text>
        ) : null}
        <FormError message={resend.error} />
      </Stack>
    </form>
  );
}
