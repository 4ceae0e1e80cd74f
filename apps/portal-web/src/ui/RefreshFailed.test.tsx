import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../testing/render';
import { QueryError } from './QueryError';
import { neverLoaded, RefreshFailed } from './RefreshFailed';

/** A page's usual shape: the failure only while nothing ever loaded, otherwise the data with the notice above it. */
function Names({ load }: { load: () => Promise<string[]> }) {
  const names = useQuery({ queryKey: ['names'], queryFn: load, retry: false });
  const failure = neverLoaded(names);
  return (
    <>
      <RefreshFailed queries={[names]} />
      {failure ? <QueryError error={failure} /> : names.data ? <input aria-label="Note" defaultValue={names.data.join(', ')} /> : <p>Loading</p>}
    </>
  );
}

const answers = (...outcomes: Array<string[] | Error>) => {
  let call = 0;
  return () => {
    const outcome = outcomes[Math.min(call++, outcomes.length - 1)];
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
  };
};

const renderNames = (load: () => Promise<string[]>) => {
  const client = new QueryClient();
  renderInApp(
    <QueryClientProvider client={client}>
      <Names load={load} />
    </QueryClientProvider>,
  );
  return client;
};

describe('a query whose refresh fails', () => {
  it('keeps its data on screen, and what was typed into it, with a notice and a way to ask again', async () => {
    const client = renderNames(answers(['ada'], new Error('The API did not answer.'), ['ada', 'grace']));
    const note = await screen.findByLabelText('Note');
    await userEvent.type(note, ' and me');
    await act(() => client.refetchQueries({ queryKey: ['names'] }));
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toContain('Could not refresh');
    expect(notice.textContent).toContain('The API did not answer.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Note')).toBe(note);
    expect((note as HTMLInputElement).value).toBe('ada and me');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await expect.poll(() => screen.queryByRole('status')).toBeNull();
  });

  it('shows the failure in place of the data when there never was any', async () => {
    renderNames(answers(new Error('Refused.')));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Refused.');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
