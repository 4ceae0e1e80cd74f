import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamDeadlines } from './upstream-deadlines';

describe('UpstreamDeadlines', () => {
  let now = 0;
  const expired: string[] = [];
  const deadlines = new UpstreamDeadlines<string>(
    29_000,
    (item) => expired.push(item),
    1_000,
    () => now,
  );

  afterEach(() => {
    deadlines.close();
    expired.length = 0;
    now = 0;
  });

  it('expires a request once its timeout has passed, and only then', () => {
    deadlines.start('a');
    now = 28_999;
    deadlines.sweep();
    expect(expired).toEqual([]);
    now = 29_000;
    deadlines.sweep();
    expect(expired).toEqual(['a']);
    deadlines.sweep();
    expect(expired).toEqual(['a']);
  });

  it('never expires a request that ended in time', () => {
    deadlines.start('answered');
    now = 10_000;
    deadlines.start('late');
    deadlines.end('answered');
    now = 40_000;
    deadlines.sweep();
    expect(expired).toEqual(['late']);
  });

  it('expires the overdue requests and keeps the ones still in time', () => {
    deadlines.start('first');
    now = 5_000;
    deadlines.start('second');
    now = 30_000;
    deadlines.sweep();
    expect(expired).toEqual(['first']);
    now = 34_000;
    deadlines.sweep();
    expect(expired).toEqual(['first', 'second']);
  });
});
