import { describe, expect, it } from 'vitest';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type DayRange } from './day-range';
import { type UsageExportBatch, type UsageExportPosition, type UsageExportRepository, type UsageExportSession } from './usage-export.repository';
import { USAGE_CSV_HEADER, UsageExportService } from './usage-export.service';

const RANGE: DayRange = { from: '2026-03-01', to: '2026-03-18' };
const FULL = 1_000;
const at = (keyId: string): UsageExportPosition => ({ keyId, day: '2026-03-01' });

/** An export whose session answers `batches` in turn (or fails when one is an Error). */
function world(batches: Array<UsageExportBatch | Error>) {
  const effects: string[] = [];
  const session = strictFake<UsageExportSession>('UsageExportSession', {
    batch: recorder(async () => {
      const next = batches.shift();
      if (!next) throw new Error('read past the last batch');
      if (next instanceof Error) throw next;
      effects.push(`batch ${next.rows}`);
      return next;
    }),
    close: recorder(async () => void effects.push('close')),
  });
  const rows = strictFake<UsageExportRepository>('UsageExportRepository', { open: recorder(async () => (effects.push('open'), session)) });
  return { service: new UsageExportService(rows), rows, session, effects };
}

async function collect(chunks: AsyncGenerator<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

describe('UsageExportService', () => {
  it('sends the header, then each batch after the last position, until a batch is not full; then closes the session', async () => {
    const { service, rows, session, effects } = world([
      { csv: 'a\n', rows: FULL, last: at('k1') },
      { csv: 'b\n', rows: 3, last: at('k2') },
    ]);
    expect(await collect(service.csv(RANGE))).toEqual([`${USAGE_CSV_HEADER}\n`, 'a\n', 'b\n']);
    expect(rows.open).toHaveProperty('calls', [[RANGE]]);
    expect(session.batch).toHaveProperty('calls', [
      [null, FULL],
      [at('k1'), FULL],
    ]);
    expect(effects).toEqual(['open', `batch ${FULL}`, 'batch 3', 'close']);
  });

  it('sends only the header for a range without usage', async () => {
    const { service, effects } = world([{ csv: '', rows: 0, last: null }]);
    expect(await collect(service.csv(RANGE))).toEqual([`${USAGE_CSV_HEADER}\n`]);
    expect(effects).toEqual(['open', 'batch 0', 'close']);
  });

  it('stops after a full batch that names no position to continue from', async () => {
    const { service, effects } = world([{ csv: 'a\n', rows: FULL, last: null }]);
    expect(await collect(service.csv(RANGE))).toEqual([`${USAGE_CSV_HEADER}\n`, 'a\n']);
    expect(effects).toEqual(['open', `batch ${FULL}`, 'close']);
  });

  it('sends the header before the database is asked anything', async () => {
    const { service, effects } = world([{ csv: '', rows: 0, last: null }]);
    const chunks = service.csv(RANGE);
    expect((await chunks.next()).value).toBe(`${USAGE_CSV_HEADER}\n`);
    expect(effects).toEqual([]);
    await chunks.return(undefined);
  });

  it('closes the session when the client goes away mid-export, reading no further', async () => {
    const { service, effects } = world([
      { csv: 'a\n', rows: FULL, last: at('k1') },
      { csv: 'b\n', rows: FULL, last: at('k2') },
    ]);
    const chunks = service.csv(RANGE);
    await chunks.next();
    expect((await chunks.next()).value).toBe('a\n');
    await chunks.return(undefined);
    expect(effects).toEqual(['open', `batch ${FULL}`, 'close']);
  });

  it('closes the session when a read fails, and passes the failure on', async () => {
    const { service, effects } = world([{ csv: 'a\n', rows: FULL, last: at('k1') }, new Error('connection lost')]);
    await expect(collect(service.csv(RANGE))).rejects.toThrow('connection lost');
    expect(effects).toEqual(['open', `batch ${FULL}`, 'close']);
  });
});
