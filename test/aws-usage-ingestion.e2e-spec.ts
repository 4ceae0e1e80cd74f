import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PrismaService } from '@keyport/db';
import { useAwsKeyport, today } from './support/aws-keyport';
import { tierPlanAtFake } from './support/gateway-plans';
import { adminToken } from './support/journey';

const KEYS = 620;

describe('usage ingestion from AWS GetUsage', () => {
  const aws = useAwsKeyport({ bootstrap: true });

  it('reads more than 500 keys over several pages, sums a key across plans, and re-reads late data without double counting', async () => {
    const prisma = aws.harness.app.get(PrismaService);
    const standard = tierPlanAtFake(aws.fake, 'standard')!;
    const premium = tierPlanAtFake(aws.fake, 'premium')!;
    const developerId = randomUUID();
    // Hundreds of keys already at the gateway, as the worker would have left them: no route makes that many
    // keys (the key limit), so the developer and the keys are written straight to the database.
    await prisma.developer.create({ data: { id: developerId, email: `usage-${developerId}@example.com`, tierSlug: 'standard' } });

    // Keys as the worker would have left them: at the gateway, in the standard plan, recorded in Keyport.
    const day = today();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const rows = [];
    const gatewayIds: string[] = [];
    for (let i = 0; i < KEYS; i++) {
      const id = randomUUID();
      const gatewayKey = aws.fake.state.createKey({
        name: `keyport-${id}`,
        value: `kpUsage${String(i).padStart(6, '0')}${randomUUID().replace(/-/g, '')}`,
        enabled: true,
        tags: { 'keyport:key': id },
      });
      aws.fake.state.addKeyToPlan(standard, gatewayKey.id);
      aws.fake.state.recordUsage(standard, gatewayKey.id, day, i + 1);
      aws.fake.state.recordUsage(standard, gatewayKey.id, yesterday, 2 * (i + 1));
      gatewayIds.push(gatewayKey.id);
      rows.push({
        id,
        developerId,
        name: `k${i}`,
        hash: `hash-${id}`,
        prefix: 'kpUsage0',
        last4: 'abcd',
        status: 'ACTIVE' as const,
        lineageId: id,
        gatewayKeyId: gatewayKey.id,
      });
    }
    await prisma.apiKey.createMany({ data: rows });
    // The first key changed tier today: its day is split over two plans.
    aws.fake.state.recordUsage(premium, gatewayIds[0], day, 1_000);
    // Usage of a key made outside Keyport is not Keyport's to store.
    const foreign = aws.fake.state.createKey({ name: 'foreign', value: 'foreignUsageValue0123456789abcdef', enabled: true });
    aws.fake.state.addKeyToPlan(standard, foreign.id);
    aws.fake.state.recordUsage(standard, foreign.id, day, 99);

    const admin = await adminToken(aws.http);
    const first = await aws.http.post('/v1/admin/gateway/usage-sync', { days: 2 }, { token: admin });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ from: yesterday, to: day, plans: 2, rows: 2 * KEYS, unknownKeys: 1 });
    expect(aws.fake.appliedCount('GetUsage')).toBeGreaterThanOrEqual(3); // two pages of the standard plan, one of premium

    // What Keyport stored, one row per key and day, as an admin exports it.
    const storedRows = async () => {
      const csv = await aws.http.get(`/v1/admin/usage.csv?from=${yesterday}&to=${day}`, { token: admin });
      expect(csv.status).toBe(200);
      const stored = new Map<string, number>();
      for (const line of csv.text.trimEnd().split('\n').slice(1)) {
        const [on, owner, , keyId, requests] = line.split(',');
        if (owner === developerId) stored.set(`${keyId}/${on}`, Number(requests));
      }
      return stored;
    };
    let stored = await storedRows();
    expect(stored.get(`${rows[0].id}/${day}`)).toBe(1 + 1_000);
    expect(stored.get(`${rows[KEYS - 1].id}/${day}`)).toBe(KEYS);
    expect(stored.get(`${rows[KEYS - 1].id}/${yesterday}`)).toBe(2 * KEYS);
    expect(stored.size).toBe(2 * KEYS);

    // Late data for yesterday arrives; reading again replaces the day's value instead of adding to it.
    aws.fake.state.recordUsage(standard, gatewayIds[5], yesterday, 50);
    const second = await aws.http.post('/v1/admin/gateway/usage-sync', { days: 2 }, { token: admin });
    expect(second.status).toBe(200);
    stored = await storedRows();
    expect(stored.get(`${rows[5].id}/${yesterday}`)).toBe(2 * 6 + 50);
    expect(stored.get(`${rows[0].id}/${day}`)).toBe(1_001);
    expect(stored.size).toBe(2 * KEYS);
  });
});
