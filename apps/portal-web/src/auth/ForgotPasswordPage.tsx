import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { AuthLayout } from './AuthLayout';

/** Placeholder until the API has POST /v1/auth/forgot-password and /reset-password. */
export function ForgotPasswordPage() {
  return (
    <AuthLayout title="Forgot password">
      <Text mb="md">Resetting a password from the portal is not available yet. Ask an administrator of this Keyport to reset it.</Text>
      <Anchor component={Link} to="/login">
        Back to sign in
      </Anchor>
    </AuthLayout>
  );
}
