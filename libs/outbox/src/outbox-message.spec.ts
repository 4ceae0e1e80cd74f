import { describe, expect, it } from 'vitest';
import { OutboxMessage, optional } from './outbox-message';

const Change = OutboxMessage.define('test.change', {
  id: 'string',
  count: 'number',
  change: ['renew', 'cancel-now'],
  expired: optional('boolean'),
});

describe('OutboxMessage.read', () => {
  it('gives back a payload that fits, optional fields absent or present, unnamed fields passing through', () => {
    expect(Change.read({ id: 'a', count: 2, change: 'renew' })).toEqual({ payload: { id: 'a', count: 2, change: 'renew' } });
    const stored = { id: 'a', count: 0, change: 'cancel-now', expired: true, reason: 'tier change' };
    expect(Change.read(stored)).toEqual({ payload: stored });
  });

  it.each([
    [null, 'test.change payload is not an object'],
    [['a'], 'test.change payload is not an object'],
    [{ count: 1, change: 'renew' }, 'test.change payload: id must be a string, got nothing'],
    [{ id: 7, count: 1, change: 'renew' }, 'test.change payload: id must be a string, got 7'],
    [{ id: 'a', count: '1', change: 'renew' }, 'test.change payload: count must be a number, got "1"'],
    [{ id: 'a', count: null, change: 'renew' }, 'test.change payload: count must be a number, got null'],
    [{ id: 'a', count: 1, change: 'later' }, 'test.change payload: change must be one of renew, cancel-now, got "later"'],
    [{ id: 'a', count: 1, change: 'renew', expired: 'yes' }, 'test.change payload: expired must be a boolean, got "yes"'],
  ])('refuses %j: %s', (stored, problem) => {
    expect(Change.read(stored)).toEqual({ problem });
  });
});
