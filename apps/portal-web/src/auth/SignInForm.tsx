import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { FormError } from '../ui/FormError';
import { fieldProps, useApiForm } from '../ui/use-api-form';

export interface Credentials extends Record<string, unknown> {
  email: string;
  password: string;
}

/** E-mail and password; the page decides what signing in does. */
export function SignInForm({ onSignIn, initialEmail = '' }: { onSignIn: (values: Credentials) => Promise<unknown>; initialEmail?: string }) {
  const form = useForm<Credentials>({ initialValues: { email: initialEmail, password: '' } });
  const { onSubmit, formError, submitting } = useApiForm(form, onSignIn);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput label="Email" type="email" autoComplete="username" {...fieldProps(form, 'email')} />
        <PasswordInput label="Password" autoComplete="current-password" {...fieldProps(form, 'password')} />
        <FormError message={formError} />
        <Group justify="space-between">
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot password
          </Anchor>
          <Button type="submit" loading={submitting}>
            Sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
