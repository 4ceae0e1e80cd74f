import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

/**
 * Who owns each table (README "Architecture"): only code under `libs/<owner>/` reads or writes it.
 * Other libs read the owner's reporting views (`reporting_*`), which no row here names, or ask its front.
 * A new table needs a line here, or this suite fails.
 */
const OWNERS: Record<string, string> = {
  developers: 'developers',
  quota_grants: 'developers',
  invitations: 'developers',
  tiers: 'tiers',
  api_documents: 'api-catalogue',
  api_keys: 'keys',
  usage_daily: 'usage',
  usage_key_monthly: 'reports',
  usage_developer_daily: 'reports',
  usage_developer_mtd: 'reports',
  usage_tier_daily: 'reports',
  subscriptions: 'billing',
  webhook_events: 'billing',
  meter_reports: 'billing',
  audit_log: 'audit',
  outbox: 'outbox',
  gateway_plan_bindings: 'api-gateway',
  gateway_usage_plans: 'api-gateway',
  gateway_api_keys: 'api-gateway',
  gateway_usage_plan_keys: 'api-gateway',
  gateway_key_placements: 'gateway-sync',
  quota_grant_keys: 'gateway-sync',
  gateway_job_runs: 'gateway-sync',
  applications: 'applications',
  security_audit_runs: 'security-posture',
};

/** Each Prisma model's client accessor (`apiKey`) and table (`api_keys`), from schema.prisma. */
function models(): Array<{ accessor: string; table: string }> {
  const schema = readFileSync(path.join(ROOT, 'prisma', 'schema.prisma'), 'utf8');
  return [...schema.matchAll(/^model (\w+) \{[\s\S]*?@@map\("(\w+)"\)/gm)].map(([, model, table]) => ({
    accessor: model.charAt(0).toLowerCase() + model.slice(1),
    table,
  }));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

/** Every table a source text touches: through a Prisma delegate (`.apiKey.findMany(`) or by name in SQL (`FROM api_keys`). */
function tablesTouched(text: string, known: Array<{ accessor: string; table: string }>): string[] {
  const touched = new Set<string>();
  for (const { accessor, table } of known) {
    const delegate = new RegExp(`\\.${accessor}\\.(find\\w*|create\\w*|update\\w*|delete\\w*|upsert|count|aggregate|groupBy)\\(`);
    const sql = new RegExp(`\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+"?${table}"?(?![\\w"])`);
    if (delegate.test(text) || sql.test(text)) touched.add(table);
  }
  return [...touched];
}

/** `libs/<lib>/…` and `apps/<app>/…` files that touch a table their lib does not own, as `file: table (owner)`. */
function foreignTouches(files: string[], known: Array<{ accessor: string; table: string }>): string[] {
  const found: string[] = [];
  for (const file of files) {
    const relative = path.relative(ROOT, file).split(path.sep);
    const lib = relative[0] === 'libs' ? relative[1] : null;
    if (lib === 'db') continue;
    for (const table of tablesTouched(readFileSync(file, 'utf8'), known)) {
      if (OWNERS[table] !== lib) found.push(`${relative.join('/')}: ${table} (owned by ${OWNERS[table]})`);
    }
  }
  return found;
}

describe('each domain lib owns its tables', () => {
  const known = models();

  it('names an owner for every table of schema.prisma', () => {
    expect(known.length).toBeGreaterThan(20);
    expect(known.map((model) => model.table).filter((table) => !OWNERS[table])).toEqual([]);
  });

  it("finds no lib or app touching another lib's table, through Prisma or in SQL", () => {
    const files = [...sourceFiles(path.join(ROOT, 'libs')), ...sourceFiles(path.join(ROOT, 'apps'))].filter(
      (file) => !file.includes(`${path.sep}portal-web${path.sep}`),
    );
    expect(foreignTouches(files, known)).toEqual([]);
  });

  it('would catch a read of another lib through a Prisma delegate, a raw join or a quoted table name', () => {
    const probe = (text: string) => tablesTouched(text, known);
    expect(probe('await this.db.client.apiKey.findMany({ where: {} })')).toEqual(['api_keys']);
    expect(probe('SELECT d.tier_slug FROM usage_daily u JOIN developers d ON d.id = u.developer_id')).toEqual(['developers', 'usage_daily']);
    expect(probe('INSERT INTO "gateway_api_keys" (id) VALUES (1)')).toEqual(['gateway_api_keys']);
    // A reporting view is the owner's published read, not its table.
    expect(probe('SELECT id FROM reporting_developers WHERE tier_slug = $1')).toEqual([]);
  });
});
