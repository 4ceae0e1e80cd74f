import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormError } from '../ui/FormError';
import { fieldProps, useApiForm } from '../ui/use-api-form';
import { Note } from '../ui/Note';

export interface Confirmation extends Record<string, unknown> {
  email: string;
  code: string;
}

/**
 * The second step of sign-up. "Resend code" stays disabled until the API can resend
 * (POST /v1/auth/resend-code is not there yet).
 */
export function ConfirmForm({
  email,
  embeddedIdentity,
  onConfirm,
}: {
  email: string;
  embeddedIdentity: boolean;
  onConfirm: (values: Confirmation) => Promise<unknown>;
}) {
  const form = useForm<Confirmation>({ initialValues: { email, code: '' } });
  const { onSubmit, formError, submitting } = useApiForm(form, onConfirm);
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
          <Button variant="subtle" disabled aria-describedby="resend-note">
            Resend code
          </Button>
          <Button type="submit" loading={submitting}>
            Confirm
          </Button>
        </Group>
        <Text id="resend-note" size="xs" c="dimmed">
          Resending a code is not available yet.
        </Text>
      </Stack>
    </form>
  );
}
