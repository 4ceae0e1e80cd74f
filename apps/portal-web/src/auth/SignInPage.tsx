import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useLocation } from 'react-router';
import { Note } from '../ui/Note';
import { prefetchDashboardData, preloadDashboard } from '../usage/preload';
import { AuthLayout } from './AuthLayout';
import { session } from './session';
import { SignInForm } from './SignInForm';
import { useSession } from './use-session';

interface SignInState {
  /** Where the developer was going before being asked to sign in. */
  from?: string;
  email?: string;
  confirmed?: boolean;
  passwordReset?: boolean;
}

export function SignInPage() {
  const state = (useLocation().state ?? {}) as SignInState;
  const { signedIn, endedBy } = useSession();
  const queryClient = useQueryClient();
  if (signedIn) return <Navigate to={state.from ?? '/dashboard'} replace />;
  return (
    <AuthLayout
      title="Sign in"
      footer={
        <>
          New here?{' '}
          <Anchor component={Link} to="/signup">
            Create an account
          </Anchor>{' '}
          · Have a code?{' '}
          <Anchor component={Link} to="/signup?step=confirm">
            Confirm your account
          </Anchor>
        </>
      }
    >
      {state.confirmed && (
        <Note color="green" mb="md" title="Account confirmed">
          Sign in with your e-mail and password.
        </Note>
      )}
      {state.passwordReset && (
        <Note color="green" mb="md" title="Password changed">
          Sign in with your new password.
        </Note>
      )}
      {endedBy === 'expiry' && !state.confirmed && (
        <Note color="yellow" mb="md" title="Your session ended">
          Sign in again to continue.
        </Note>
      )}
      <SignInForm
        initialEmail={state.email}
        onSignIn={async ({ email, password }) => {
          // The dashboard's code loads while Cognito checks the password, its data while the page is put up.
          preloadDashboard();
          await session.signIn(email, password);
          // Where most sign-ins land; its profile and keys serve the other pages too.
          prefetchDashboardData(queryClient);
        }}
      />
    </AuthLayout>
  );
}
