import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { renderInApp } from '../testing/render';
import { SignInForm } from './SignInForm';

describe('SignInForm', () => {
  it('shows the API refusal of the credentials as one message and keeps both fields', async () => {
    const user = userEvent.setup();
    renderInApp(<SignInForm onSignIn={() => Promise.reject(new ApiError(401, { statusCode: 401, message: 'Incorrect email or password', code: 'UNAUTHENTICATED' }))} />);
    await user.type(screen.getByLabelText('Email'), 'dev@example.com');
    await user.type(screen.getByLabelText('Password'), 'Wrong-Passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Incorrect email or password');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('dev@example.com');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('Wrong-Passw0rd!');
    expect(screen.getByRole('link', { name: 'Forgot password' }).getAttribute('href')).toBe('/forgot-password');
  });

  it('clears the previous refusal when the next attempt succeeds', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    renderInApp(<SignInForm onSignIn={() => (++attempts === 1 ? Promise.reject(new ApiError(401, { message: 'Incorrect email or password' })) : Promise.resolve())} />);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await expect.poll(() => screen.queryByRole('alert')).toBeNull();
  });
});
