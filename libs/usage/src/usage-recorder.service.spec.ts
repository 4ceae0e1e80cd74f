import { describe, expect, it } from 'vitest';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type UsageIncrement } from './usage-day';
import { UsageRecorderService } from './usage-recorder.service';
import { type UsageRepository } from './usage.repository';

const DAY: UsageIncrement = { keyId: 'key-1', developerId: 'dev-1', day: '2026-12-03', requests: 5 };

describe('UsageRecorderService', () => {
  it("adds the embedded gateway's increments, and replaces days with the absolute counts API Gateway reports", async () => {
    const usage = strictFake<UsageRepository>('UsageRepository', {
      addRequests: recorder(async () => undefined),
      replaceDaily: recorder(async () => undefined),
    });
    const recorderService = new UsageRecorderService(usage);
    await recorderService.addRequests([DAY]);
    await recorderService.replaceDaily([{ ...DAY, requests: 9 }]);
    expect(usage.addRequests).toHaveProperty('calls', [[[DAY]]]);
    expect(usage.replaceDaily).toHaveProperty('calls', [[[{ ...DAY, requests: 9 }]]]);
  });

  it('reads the requests per lineage and day since a day', async () => {
    const lineageDays = recorder(async () => [{ lineageId: 'key-1', day: '2026-12-03', requests: 5 }]);
    const service = new UsageRecorderService(strictFake<UsageRepository>('UsageRepository', { lineageDays }));
    expect(await service.lineageDays('2026-12-01')).toEqual([{ lineageId: 'key-1', day: '2026-12-03', requests: 5 }]);
    expect(lineageDays.calls).toEqual([['2026-12-01']]);
  });
});
