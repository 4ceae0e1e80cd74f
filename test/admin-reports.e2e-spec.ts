import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@keyport/db';
import { HttpClient } from './support/http-client';
import { adminToken, signUpDeveloper, type SignedInDeveloper } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

interface Seeded {
  keyId: string;
  developerId: string;
  tier: string;
  day: string;
  requests: number;
}

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const today = () => new Date(`${isoDay(new Date())}T00:00:00Z`);
const daysAgo = (n: number) => isoDay(new Date(today().getTime() - n * DAY_MS));

describe('admin usage reports', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;
  let devs: SignedInDeveloper[];
  const seeded: Seeded[] = [];

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
    devs = [];
    for (let i = 0; i < 3; i++) devs.push(await signUpDeveloper(http, admin));
    expect((await http.put(`/v1/admin/developers/${devs[2].id}/tier`, { tier: 'premium' }, { token: admin })).status).toBe(200);

    // 2 keys per developer, 70 days up to today, seeded as the gateways write it: rows, then increments.
    // Written to the database: no route can record usage on past days.
    const rows = [];
    const keys = [];
    for (const [d, dev] of devs.entries()) {
      for (let k = 0; k < 2; k++) {
        const keyId = randomUUID();
        // Usage belongs to keys that exist (revoked here, so the gateway leaves them alone).
        keys.push({
          id: keyId,
          developerId: dev.id,
          name: `seeded ${k}`,
          hash: keyId,
          prefix: 'kpseed00',
          last4: 'abcd',
          status: 'REVOKED' as const,
          lineageId: keyId,
          revokedAt: new Date(),
        });
        for (let ago = 70; ago >= 0; ago--) {
          const requests = (d + 1) * 100 + k * 10 + ago;
          rows.push({ keyId, developerId: dev.id, day: new Date(`${daysAgo(ago)}T00:00:00Z`), requests: BigInt(requests) });
          seeded.push({ keyId, developerId: dev.id, tier: d === 2 ? 'premium' : 'standard', day: daysAgo(ago), requests });
        }
      }
    }
    const db = harness.app.get(Db).client;
    await db.apiKey.createMany({ data: keys });
    await db.usageDaily.createMany({ data: rows });
    await db.$executeRaw`UPDATE usage_daily SET requests = requests + 5 WHERE day = ${new Date(`${daysAgo(0)}T00:00:00Z`)}::date`;
    for (const row of seeded) if (row.day === daysAgo(0)) row.requests += 5;
  });

  afterAll(() => harness?.close());

  function expected(from: string, to: string, group: (row: Seeded) => string, keep: (row: Seeded) => boolean = () => true) {
    const totals = new Map<string, number>();
    for (const row of seeded) {
      if (row.day < from || row.day > to || !keep(row)) continue;
      totals.set(group(row), (totals.get(group(row)) ?? 0) + row.requests);
    }
    return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([g, requests]) => ({ group: g, requests }));
  }

  const lastMonthStart = () => {
    const t = today();
    return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 1, 1));
  };
  const ranges = () => {
    const monthStart = lastMonthStart();
    const monthEnd = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0));
    return [
      { from: daysAgo(70), to: daysAgo(0) },
      { from: isoDay(new Date(monthStart.getTime() + 2 * DAY_MS)), to: isoDay(monthEnd) },
      { from: daysAgo(3), to: daysAgo(1) },
      { from: daysAgo(45), to: daysAgo(20) },
      { from: daysAgo(400), to: daysAgo(80) },
    ];
  };

  it('totals per day, developer, tier and key equal the sums of the seeded usage, with and without filters', async () => {
    const groupers: Record<string, (row: Seeded) => string> = {
      day: (row) => row.day,
      developer: (row) => row.developerId,
      tier: (row) => row.tier,
      key: (row) => row.keyId,
    };
    for (const { from, to } of ranges()) {
      for (const [groupBy, group] of Object.entries(groupers)) {
        const filters: Array<[string, (row: Seeded) => boolean]> = [
          ['', () => true],
          ['&tier=standard', (row) => row.tier === 'standard'],
          [`&developerId=${devs[1].id}`, (row) => row.developerId === devs[1].id],
        ];
        for (const [query, keep] of filters) {
          const result = await http.get(`/v1/admin/usage?from=${from}&to=${to}&groupBy=${groupBy}${query}`, { token: admin });
          expect(result.status, `${groupBy} ${from}..${to}${query} ${result.text}`).toBe(200);
          const want = expected(from, to, group, keep);
          const got = result.body.groups.map((g: any) => ({ group: g.group, requests: g.requests }));
          expect(got, `${groupBy} ${from}..${to}${query}`).toEqual(want);
          expect(result.body.total).toBe(want.reduce((sum, g) => sum + g.requests, 0));
          expect(result.body).toMatchObject({ from, to, groupBy });
        }
      }
    }
  });

  it('pages developer and key groups by id without repeating or skipping one; total covers every page', async () => {
    const from = daysAgo(70);
    const to = daysAgo(0);
    for (const [groupBy, group] of [
      ['developer', (row: Seeded) => row.developerId],
      ['key', (row: Seeded) => row.keyId],
    ] as const) {
      const want = expected(from, to, group);
      const got: Array<{ group: string; requests: number }> = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: any = await http.get(`/v1/admin/usage?from=${from}&to=${to}&groupBy=${groupBy}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token: admin,
        });
        expect(page.status, page.text).toBe(200);
        expect(page.body.total).toBe(want.reduce((sum, g) => sum + g.requests, 0));
        got.push(...page.body.groups.map((g: any) => ({ group: g.group, requests: g.requests })));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      expect(cursor).toBeNull();
      expect(pages).toBeGreaterThan(1);
      expect(got).toEqual(want);
    }
    for (const bad of ['abc', Buffer.from('["key","not-a-uuid"]').toString('base64url'), Buffer.from('["developer","x"]').toString('base64url')]) {
      const refused = await http.get(`/v1/admin/usage?groupBy=key&cursor=${bad}`, { token: admin });
      expect(refused.status, bad).toBe(400);
    }
  });

  it('lists the heaviest developers with their share of the quota over the range', async () => {
    const from = daysAgo(70);
    const to = daysAgo(0);
    const result = await http.get(`/v1/admin/usage/top?from=${from}&to=${to}&limit=2`, { token: admin });
    expect(result.status).toBe(200);
    const want = expected(from, to, (row) => row.developerId)
      .sort((a, b) => b.requests - a.requests)
      .slice(0, 2);
    expect(result.body.items.map((i: any) => ({ group: i.developerId, requests: i.requests }))).toEqual(want);
    const [heaviest] = result.body.items;
    expect(heaviest).toMatchObject({ developerId: devs[2].id, email: devs[2].email, tier: 'premium', quota: { limit: 50_000_000, period: 'MONTH' } });
    const months = new Set(seeded.filter((r) => r.day >= from).map((r) => r.day.slice(0, 7))).size;
    expect(heaviest.share).toBeCloseTo(heaviest.requests / (50_000_000 * months), 4);
  });

  it('finds developers at or above a share of their quota this period, grants included', async () => {
    const dev = devs[0];
    const todayUse = seeded.filter((r) => r.developerId === dev.id && r.day === daysAgo(0)).reduce((s, r) => s + r.requests, 0);
    expect((await http.put(`/v1/admin/developers/${dev.id}/quota`, { limit: todayUse, period: 'DAY' }, { token: admin })).status).toBe(200);
    const at = await http.get('/v1/admin/usage/quota-utilization?threshold=1', { token: admin });
    expect(at.status).toBe(200);
    expect(at.body).toMatchObject({ threshold: 1, total: 1 });
    expect(at.body.items[0]).toMatchObject({ developerId: dev.id, requests: todayUse, share: 1, quota: { limit: todayUse, period: 'DAY' }, granted: 0 });

    expect((await http.get('/v1/admin/usage/quota-utilization?threshold=0', { token: admin })).body.total).toBe(3);
    expect((await http.post(`/v1/admin/developers/${dev.id}/quota/grants`, { requests: todayUse }, { token: admin })).status).toBe(201);
    const afterGrant = await http.get('/v1/admin/usage/quota-utilization?threshold=0.8', { token: admin });
    expect(afterGrant.body.total).toBe(0);
    const half = await http.get('/v1/admin/usage/quota-utilization?threshold=0.5', { token: admin });
    expect(half.body.items.map((i: any) => [i.developerId, i.share, i.granted])).toEqual([[dev.id, 0.5, todayUse]]);
    const detail = await http.get(`/v1/admin/developers/${dev.id}`, { token: admin });
    expect(detail.body.usage).toMatchObject({ used: todayUse, limit: todayUse, granted: todayUse });
  });

  it('streams the CSV export, one row per developer, key and day, matching the JSON report', async () => {
    const from = daysAgo(70);
    const to = daysAgo(2);
    const response = await fetch(`${harness.baseUrl}/v1/admin/usage.csv?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...lines] = (await response.text()).trimEnd().split('\n');
    expect(header).toBe('day,developer_id,email,key_id,requests');
    const rows = lines.map((line) => {
      const [day, developerId, email, keyId, requests] = line.split(',');
      return { day, developerId, email, keyId, requests: Number(requests) };
    });
    expect(rows).toHaveLength(seeded.filter((r) => r.day >= from && r.day <= to).length);
    const seen = new Set(rows.map((r) => `${r.keyId}/${r.day}`));
    expect(seen.size).toBe(rows.length);
    const emails = new Map(devs.map((d) => [d.id, d.email]));
    expect(rows.every((r) => emails.get(r.developerId) === r.email)).toBe(true);

    const json = await http.get(`/v1/admin/usage?from=${from}&to=${to}&groupBy=key`, { token: admin });
    const fromCsv = new Map<string, number>();
    for (const row of rows) fromCsv.set(row.keyId, (fromCsv.get(row.keyId) ?? 0) + row.requests);
    expect(Object.fromEntries(fromCsv)).toEqual(Object.fromEntries(json.body.groups.map((g: any) => [g.group, g.requests])));
  });
});
