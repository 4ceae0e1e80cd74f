import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { renderInApp } from '../testing/render';
import { CreateKeyForm } from './CreateKeyDialog';

describe('CreateKeyForm', () => {
  it('shows a refused name under "Name"', async () => {
    const user = userEvent.setup();
    renderInApp(<CreateKeyForm onCreate={() => Promise.reject(new ApiError(400, { message: 'Invalid request', details: [{ field: 'name', message: 'must be longer than or equal to 1 characters' }] }))} />);
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Must be longer than or equal to 1 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the key limit as one message and keeps the name', async () => {
    const user = userEvent.setup();
    renderInApp(<CreateKeyForm onCreate={() => Promise.reject(new ApiError(409, { message: 'You already hold 5 live keys', code: 'KEY_LIMIT_REACHED' }))} />);
    await user.type(screen.getByLabelText('Name'), 'staging');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect((await screen.findByRole('alert')).textContent).toContain('You already hold 5 live keys');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('staging');
  });

  it('sends the expiry as an instant and shows a refused one under "Expires", keeping what was typed', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderInApp(
      <CreateKeyForm
        onCreate={(values) => {
          sent.push(values);
          return Promise.reject(new ApiError(400, { message: 'expiresAt must be in the future', code: 'KEY_EXPIRY_IN_PAST', details: [{ field: 'expiresAt', message: 'must be in the future' }] }));
        }}
      />,
    );
    await user.type(screen.getByLabelText('Name'), 'short');
    const expires = screen.getByLabelText('Expires') as HTMLInputElement;
    await user.type(expires, '2020-01-02T03:04:05');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Must be in the future.')).toBeTruthy();
    expect(expires.getAttribute('aria-invalid')).toBe('true');
    expect(expires.value).toBe('2020-01-02T03:04:05');
    expect(sent).toEqual([{ name: 'short', expiresAt: new Date('2020-01-02T03:04:05').toISOString() }]);
  });
});
