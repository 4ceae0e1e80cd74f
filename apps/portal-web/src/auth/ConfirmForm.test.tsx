import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { renderInApp } from '../testing/render';
import { ConfirmForm } from './ConfirmForm';

describe('ConfirmForm', () => {
  it('shows a wrong code under "Code", says where codes are on the embedded default, and resends a code', async () => {
    const user = userEvent.setup();
    const refusal = new ApiError(400, { message: 'Invalid or expired confirmation code', code: 'VALIDATION_FAILED', details: [{ field: 'code', message: 'is invalid or expired' }] });
    const resentTo: string[] = [];
    renderInApp(
      <ConfirmForm email="dev@example.com" embeddedIdentity onConfirm={() => Promise.reject(refusal)} onResend={(email) => Promise.resolve(resentTo.push(email))} />,
    );
    expect(screen.getByText(/the code is in the server log/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Resend code' }));
    expect(await screen.findByText(/a new code is on its way/)).toBeTruthy();
    expect(resentTo).toEqual(['dev@example.com']);
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('dev@example.com');
    await user.type(screen.getByLabelText('Code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Is invalid or expired.')).toBeTruthy();
    expect(screen.getByLabelText('Code').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Code') as HTMLInputElement).value).toBe('000000');
  });

  it('says the code was e-mailed with a real Cognito pool', () => {
    renderInApp(<ConfirmForm email="" embeddedIdentity={false} onConfirm={() => Promise.resolve()} onResend={() => Promise.resolve()} />);
    expect(screen.queryByText(/server log/)).toBeNull();
    expect(screen.getByText(/e-mailed a confirmation code/)).toBeTruthy();
  });
});
