import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PlanBindingsService, planOwner } from '@keyport/api-gateway';
import { PrismaService } from '@keyport/db';
import { useAwsKeyport, today } from './support/aws-keyport';
import { adminToken } from './support/journey';

const KEYS = 620;

describe('usage ingestion from AWS GetUsage', () => {
  const aws = useAwsKeyport({ bootstrap: true });

  it('reads more than 500 keys over several pages, sums a key across plans, and re-reads late data without double counting', async () => {
    const prisma = aws.harness.app.get(PrismaService);
    const bindings = aws.harness.app.get(PlanBindingsService);
    const standard = (await bindings.planIdOf(planOwner.tier('standard')))!;
    const premium = (await bindings.planIdOf(planOwner.tier('premium')))!;
    const developerId = randomUUID();
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

    const stored = async (keyId: string, on: string) =>
      Number((await prisma.usageDaily.findUnique({ where: { keyId_day: { keyId, day: new Date(`${on}T00:00:00Z`) } } }))?.requests ?? -1);
    expect(await stored(rows[0].id, day)).toBe(1 + 1_000);
    expect(await stored(rows[KEYS - 1].id, day)).toBe(KEYS);
    expect(await stored(rows[KEYS - 1].id, yesterday)).toBe(2 * KEYS);
    expect(await prisma.usageDaily.count({ where: { developerId } })).toBe(2 * KEYS);

    // Late data for yesterday arrives; reading again replaces the day's value instead of adding to it.
    aws.fake.state.recordUsage(standard, gatewayIds[5], yesterday, 50);
    const second = await aws.http.post('/v1/admin/gateway/usage-sync', { days: 2 }, { token: admin });
    expect(second.status).toBe(200);
    expect(await stored(rows[5].id, yesterday)).toBe(2 * 6 + 50);
    expect(await stored(rows[0].id, day)).toBe(1_001);
    expect(await prisma.usageDaily.count({ where: { developerId } })).toBe(2 * KEYS);
  });
});
