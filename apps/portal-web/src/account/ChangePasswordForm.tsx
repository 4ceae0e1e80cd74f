import { Button, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, unwrap } from '../api/client';
import { FormError } from '../ui/FormError';
import { notifyDone } from '../ui/notify';
import { fieldProps, useApiForm } from '../ui/use-api-form';

interface PasswordChange extends Record<string, unknown> {
  currentPassword: string;
  newPassword: string;
}

/** The current password and a new one; a wrong current one shows under its field. */
export function ChangePasswordForm() {
  const form = useForm<PasswordChange>({ initialValues: { currentPassword: '', newPassword: '' } });
  const { onSubmit, formError, submitting } = useApiForm(form, async (values) => {
    await unwrap(api.PUT('/v1/me/password', { body: values }));
    form.reset();
    notifyDone('Password changed.');
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="change-password-title">
      <Stack>
        <Title id="change-password-title" order={2} fz="h4">
          Password
        </Title>
        <PasswordInput label="Current password" autoComplete="current-password" maw={360} {...fieldProps(form, 'currentPassword')} />
        <PasswordInput label="New password" autoComplete="new-password" maw={360} {...fieldProps(form, 'newPassword')} />
        <FormError message={formError} />
        <Group>
          <Button type="submit" loading={submitting}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
