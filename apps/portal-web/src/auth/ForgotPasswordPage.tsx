import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { publicApi, unwrap } from '../api/client';
import { readRuntimeSettings } from '../app/runtime-settings';
import { FormError } from '../ui/FormError';
import { fieldProps, useApiForm } from '../ui/use-api-form';
import { AuthLayout } from './AuthLayout';

interface ResetValues extends Record<string, unknown> {
  email: string;
  code: string;
  newPassword: string;
}

/** /forgot-password: ask for a code, then set a new password with it; then sign in. */
export function ForgotPasswordPage() {
  const navigate = useNavigate();
  const [requestedFor, setRequestedFor] = useState<string | null>(null);
  const request = useForm<{ email: string }>({ initialValues: { email: '' } });
  const reset = useForm<ResetValues>({ initialValues: { email: '', code: '', newPassword: '' } });
  const requestSubmit = useApiForm(request, async ({ email }) => {
    await unwrap(publicApi.POST('/v1/auth/forgot-password', { body: { email } }));
    reset.setFieldValue('email', email);
    setRequestedFor(email);
  });
  const resetSubmit = useApiForm(reset, async (values) => {
    await unwrap(publicApi.POST('/v1/auth/reset-password', { body: values }));
    await navigate('/login', { state: { email: values.email, passwordReset: true } });
  });
  const embedded = readRuntimeSettings().identity === 'embedded';

  return (
    <AuthLayout
      title="Forgot password"
      footer={
        <Anchor component={Link} to="/login">
          Back to sign in
        </Anchor>
      }
    >
      {requestedFor === null ? (
        <form onSubmit={requestSubmit.onSubmit} noValidate>
          <Stack>
            <Text size="sm">Enter your account's e-mail: we send a code to set a new password.</Text>
            <TextInput label="Email" type="email" autoComplete="username" {...fieldProps(request, 'email')} />
            <FormError message={requestSubmit.formError} />
            <Button type="submit" loading={requestSubmit.submitting}>
              Send code
            </Button>
          </Stack>
        </form>
      ) : (
        <form onSubmit={resetSubmit.onSubmit} noValidate>
          <Stack>
            <Text size="sm" role="status">
              If an account has this e-mail, a code is on its way
              {embedded ? ': this Keyport runs its embedded Cognito, so the code is in the server log' : ''}. It works for one hour.
            </Text>
            <TextInput label="Email" type="email" autoComplete="username" {...fieldProps(reset, 'email')} />
            <TextInput label="Code" autoComplete="one-time-code" inputMode="numeric" {...fieldProps(reset, 'code')} />
            <PasswordInput label="New password" autoComplete="new-password" {...fieldProps(reset, 'newPassword')} />
            <FormError message={resetSubmit.formError} />
            <Button type="submit" loading={resetSubmit.submitting}>
              Set new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
