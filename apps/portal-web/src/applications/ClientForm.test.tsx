import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { renderInApp } from '../testing/render';
import { ClientForm } from './ClientForm';

const SCOPES = ['keyport-api/read', 'keyport-api/write'];
const refusal = (field: string, message: string) => () => Promise.reject(new ApiError(400, { message: 'Invalid request', details: [{ field, message }] }));

describe('ClientForm', () => {
  it('ticks every scope at first and shows a refused name under "Name"', async () => {
    const user = userEvent.setup();
    renderInApp(<ClientForm scopes={SCOPES} nameHint="" submitLabel="Register" onSubmit={refusal('name', 'must be longer than or equal to 1 characters')} />);
    for (const scope of SCOPES) expect((screen.getByLabelText(scope) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('Must be longer than or equal to 1 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows refused scopes under "Scopes" and keeps the name', async () => {
    const user = userEvent.setup();
    renderInApp(<ClientForm scopes={SCOPES} nameHint="" submitLabel="Register" onSubmit={refusal('scopes', 'each must be one of keyport-api/read')} />);
    await user.type(screen.getByLabelText('Name'), 'billing');
    await user.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('Each must be one of keyport-api/read.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('billing');
  });
});
