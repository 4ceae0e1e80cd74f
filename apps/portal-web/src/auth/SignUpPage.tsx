import { Anchor } from '@mantine/core';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { publicApi, unwrap } from '../api/client';
import { readRuntimeSettings } from '../app/runtime-settings';
import { AuthLayout } from './AuthLayout';
import { ConfirmForm } from './ConfirmForm';
import { SignUpForm } from './SignUpForm';

/** /signup: create the account, then confirm it with the code (`?step=confirm` opens the second step directly). */
export function SignUpPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const confirming = params.get('step') === 'confirm';
  // The e-mail typed at sign-up travels in the history state, not in the address.
  const email = (useLocation().state as { email?: string } | null)?.email ?? '';
  return (
    <AuthLayout
      title={confirming ? 'Confirm your account' : 'Create your account'}
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to="/login">
            Sign in
          </Anchor>
        </>
      }
    >
      {confirming ? (
        <ConfirmForm
          key={email}
          email={email}
          embeddedIdentity={readRuntimeSettings().identity === 'embedded'}
          onConfirm={async (values) => {
            await unwrap(publicApi.POST('/v1/auth/confirm', { body: values }));
            await navigate('/login', { state: { email: values.email, confirmed: true } });
          }}
          onResend={(address) => unwrap(publicApi.POST('/v1/auth/resend-code', { body: { email: address } }))}
        />
      ) : (
        <SignUpForm
          onSignUp={async (values) => {
            const created = await unwrap(publicApi.POST('/v1/auth/signup', { body: values }));
            if (created.confirmed) await navigate('/login', { state: { email: values.email, confirmed: true } });
            else await navigate('/signup?step=confirm', { state: { email: values.email } });
          }}
        />
      )}
    </AuthLayout>
  );
}
