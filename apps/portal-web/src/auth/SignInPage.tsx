import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Note } from '../ui/Note';
import { prefetchDashboardData, preloadDashboard } from '../usage/preload';
import { AuthLayout } from './AuthLayout';
import { NewPasswordForm } from './NewPasswordForm';
import { session } from './session';
import { SignInForm } from './SignInForm';
import { ADMIN_GROUP, useSession } from './use-session';

interface SignInState {
  /** Where the developer was going before being asked to sign in. */
  from?: string;
  email?: string;
  confirmed?: boolean;
  passwordReset?: boolean;
}

export function SignInPage() {
  const state = (useLocation().state ?? {}) as SignInState;
  const { signedIn, endedBy, groups } = useSession();
  const queryClient = useQueryClient();
  // Set when the password was an invitation's temporary one: the user chooses their own next.
  const [challenge, setChallenge] = useState<{ email: string; session: string } | null>(null);
  // An invited admin lands in the console; everyone else where they were going.
  if (signedIn) return <Navigate to={state.from ?? (challenge && groups.includes(ADMIN_GROUP) ? '/admin' : '/dashboard')} replace />;
  if (challenge) {
    return (
      <AuthLayout title="Set your password">
        <NewPasswordForm onSubmit={({ newPassword }) => session.completeNewPassword(challenge.email, challenge.session, newPassword)} />
      </AuthLayout>
    );
  }
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
          const pending = await session.signIn(email, password);
          if (pending) return setChallenge({ email, session: pending.session });
          // Where most sign-ins land; its profile and keys serve the other pages too.
          prefetchDashboardData(queryClient);
        }}
      />
    </AuthLayout>
  );
}
