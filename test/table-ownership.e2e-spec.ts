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

interface Model {
  /** The client's delegate (`apiKey`). */
  accessor: string;
  table: string;
  /** Names of relation fields, in any model, that lead to this one (`developer` on ApiKey leads to Developer). */
  relations: string[];
}

/** Each Prisma model's delegate, table and the relation fields that reach it, from schema.prisma. */
function models(): Model[] {
  const schema = readFileSync(path.join(ROOT, 'prisma', 'schema.prisma'), 'utf8');
  const blocks = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => ({ name, body }));
  return blocks.map(({ name, body }) => ({
    accessor: name.charAt(0).toLowerCase() + name.slice(1),
    table: /@@map\("(\w+)"\)/.exec(body)?.[1] ?? name,
    relations: blocks.flatMap((other) => [...other.body.matchAll(new RegExp(`^\\s+(\\w+)\\s+${name}(\\[\\])?\\??\\s`, 'gm'))].map(([, field]) => field)),
  }));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

/**
 * Every table a source text touches: through a Prisma delegate (`.apiKey.findMany(`), a relation it
 * includes or selects (`developer: { select: ... }`, `include: { developer: true }`), or by name in SQL (`FROM api_keys`).
 */
function tablesTouched(text: string, known: Model[]): string[] {
  const touched = new Set<string>();
  for (const { accessor, table, relations } of known) {
    const delegate = new RegExp(`\\.${accessor}\\.(find\\w*|create\\w*|update\\w*|delete\\w*|upsert|count|aggregate|groupBy)\\(`);
    const sql = new RegExp(`\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+"?${table}"?(?![\\w"])`);
    const related = relations.some(
      (field) =>
        new RegExp(`\\b${field}\\s*:\\s*\\{\\s*(select|include)\\b`).test(text) ||
        new RegExp(`\\b(select|include)\\s*:\\s*\\{[^{}]*\\b${field}\\s*:\\s*true`).test(text),
    );
    if (delegate.test(text) || sql.test(text) || related) touched.add(table);
  }
  return [...touched];
}

/** `libs/<lib>/…` and `apps/<app>/…` files that touch a table their lib does not own, as `file: table (owner)`. */
function foreignTouches(files: string[], known: Model[]): string[] {
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

  it('would catch a read of another lib through a Prisma delegate, a relation, a raw join or a quoted table name', () => {
    const probe = (text: string) => tablesTouched(text, known);
    expect(probe('await this.db.client.apiKey.findMany({ where: {} })')).toEqual(['api_keys']);
    expect(probe('SELECT d.tier_slug FROM usage_daily u JOIN developers d ON d.id = u.developer_id')).toEqual(['developers', 'usage_daily']);
    expect(probe('INSERT INTO "gateway_api_keys" (id) VALUES (1)')).toEqual(['gateway_api_keys']);
    expect(probe('const SELECTION = { id: true, developer: { select: { status: true } } } as const;')).toEqual(['developers']);
    expect(probe('findMany({ include: { tier: true } })')).toEqual(['tiers']);
    // A reporting view is the owner's published read, not its table.
    expect(probe('SELECT id FROM reporting_developers WHERE tier_slug = $1')).toEqual([]);
  });
});
