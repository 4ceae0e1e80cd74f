import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/api-error';
import { renderInApp } from '../testing/render';
import { SignUpForm } from './SignUpForm';

async function submit(failure: unknown) {
  const user = userEvent.setup();
  renderInApp(<SignUpForm onSignUp={() => Promise.reject(failure)} />);
  await user.type(screen.getByLabelText('Email'), 'dev@example');
  await user.type(screen.getByLabelText('Password'), 'short');
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('SignUpForm showing what the API refused', () => {
  it('puts each `details[].field` message under its field, as its description, and keeps what was typed', async () => {
    await submit(
      new ApiError(400, {
        statusCode: 400,
        message: 'Invalid request',
        code: 'VALIDATION_FAILED',
        details: [
          { field: 'email', message: 'must be an email' },
          { field: 'password', message: 'must be at least 8 characters long' },
          { field: 'password', message: 'must contain a number' },
        ],
      }),
    );
    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('Must be an email.')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain(screen.getByText('Must be an email.').id);
    expect(screen.getByText('Must be at least 8 characters long. Must contain a number.')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect((email as HTMLInputElement).value).toBe('dev@example');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('short');
    // Every problem found its field: no separate message.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refusal that names no field as one message', async () => {
    await submit(new ApiError(409, { statusCode: 409, message: 'An account with this email already exists', code: 'CONFLICT' }));
    expect((await screen.findByRole('alert')).textContent).toContain('An account with this email already exists');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('dev@example');
  });

  it('names in the message a field the form does not have', async () => {
    await submit(new ApiError(400, { statusCode: 400, message: 'Invalid request', code: 'VALIDATION_FAILED', details: [{ field: 'tier', message: 'must be a tier slug' }] }));
    expect((await screen.findByRole('alert')).textContent).toContain('Invalid request: tier: must be a tier slug');
  });

  it('says so when the API did not answer', async () => {
    await submit(new NetworkError(new TypeError('Failed to fetch')));
    expect((await screen.findByRole('alert')).textContent).toContain('Keyport did not answer');
  });
});
