import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormError } from '../ui/FormError';
import { fieldProps, useApiForm } from '../ui/use-api-form';

export interface NewPasswordValues extends Record<string, unknown> {
  newPassword: string;
}

/** After signing in with an invitation's temporary password: the user's own password replaces it. */
export function NewPasswordForm({ onSubmit }: { onSubmit: (values: NewPasswordValues) => Promise<unknown> }) {
  const form = useForm<NewPasswordValues>({
    initialValues: { newPassword: '' },
    validate: { newPassword: (value) => (value.length >= 8 ? null : 'Use at least 8 characters.') },
  });
  const submit = useApiForm(form, onSubmit);
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack>
        <Text size="sm">You signed in with a temporary password. Choose your own to continue.</Text>
        <PasswordInput
          label="New password"
          description="At least 8 characters with a lowercase letter, an uppercase letter, a digit and a symbol."
          autoComplete="new-password"
          data-autofocus
          {...fieldProps(form, 'newPassword')}
        />
        <FormError message={submit.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={submit.submitting}>
            Set password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
