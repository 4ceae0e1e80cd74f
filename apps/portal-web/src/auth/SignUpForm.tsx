import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormError } from '../ui/FormError';
import { fieldProps, useApiForm } from '../ui/use-api-form';
import type { Credentials } from './SignInForm';

export function SignUpForm({ onSignUp }: { onSignUp: (values: Credentials) => Promise<unknown> }) {
  const form = useForm<Credentials>({ initialValues: { email: '', password: '' } });
  const { onSubmit, formError, submitting } = useApiForm(form, onSignUp);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput label="Email" type="email" autoComplete="email" {...fieldProps(form, 'email')} />
        <PasswordInput
          label="Password"
          description="At least 8 characters, with upper and lower case letters, a digit and a symbol"
          autoComplete="new-password"
          {...fieldProps(form, 'password')}
        />
        <FormError message={formError} />
        <Button type="submit" loading={submitting}>
          Create account
        </Button>
      </Stack>
    </form>
  );
}
