import { describe, expect, it } from 'vitest';
import { type AuditEvent, type AuditLog } from '@keyport/audit';
import { type DeveloperAccountsService } from '@keyport/developers';
import { type OutboxWriter } from '@keyport/outbox';
import { DEFAULT_TIERS, type Tier, type TiersService } from '@keyport/tiers';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { AdminTiersService, type TierEdit } from './admin-tiers.service';

const STANDARD = DEFAULT_TIERS[0];

function world(stored: Tier | null) {
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const note = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (outside the transaction)'}`);
  const tiers = strictFake<TiersService>('TiersService', {
    find: async () => stored,
    update: recorder(async (slug: string, edit: TierEdit) => (note(`update ${slug}`), { ...STANDARD, ...edit })),
  });
  const developers = strictFake<DeveloperAccountsService>('DeveloperAccountsService', {
    syncKeysOfOwnQuotaDevelopers: async (slug: string, reason: string) => void note(`sync own-quota keys of ${slug} (${reason})`),
  });
  const outbox = strictFake<OutboxWriter>('OutboxWriter', {
    enqueue: async (aggregate: string, message: { type: string }, payload: unknown) => void note(`${message.type} ${aggregate} ${JSON.stringify(payload)}`),
  });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async (event: AuditEvent) => void note(`audit ${event.action}`)) });
  return { service: new AdminTiersService(tiers, developers, outbox, audit, transactions.asTransactions()), effects, audit };
}

describe('AdminTiersService', () => {
  it("updates the tier, queues its plan's sync and audits before and after, in one transaction", async () => {
    const { service, effects, audit } = world(STANDARD);
    const quota = { limit: 5, period: 'DAY' as const };
    expect(await service.update('standard', { quota })).toMatchObject({ slug: 'standard', quota });
    expect(effects).toEqual(['update standard', 'plan.sync plan:tier:standard {"tier":"standard"}', 'audit tier.updated']);
    expect(audit.record).toHaveProperty('calls', [
      [
        {
          action: 'tier.updated',
          targetType: 'tier',
          targetId: 'standard',
          before: { name: STANDARD.name, throttle: STANDARD.throttle, quota: STANDARD.quota },
          after: { name: STANDARD.name, throttle: STANDARD.throttle, quota },
        },
      ],
    ]);
  });

  it("re-syncs the keys of developers with their own plan when the throttle changes, since that plan carries the tier's throttle", async () => {
    const { service, effects } = world(STANDARD);
    await service.update('standard', { throttle: { rateLimit: 1, burstLimit: 2 } });
    expect(effects).toContain('sync own-quota keys of standard (tier-throttle)');
  });

  it('answers 404 for a tier that does not exist, changing nothing', async () => {
    const { service, effects } = world(null);
    await expect(service.update('gold', { name: 'Gold' })).rejects.toMatchObject({ kind: 'NOT_FOUND' });
    expect(effects).toEqual([]);
  });
});
