const DURATION_PATTERN = /^(\d+)(ms|s|m|h)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** Reads typed values from an environment map, collecting every problem instead of stopping at the first. */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Record<string, string | undefined>) {}

  string(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  required(name: string, why: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) this.problems.push(`${name} is required ${why}`);
    return value;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  /** A duration in milliseconds: a whole number with an optional unit (ms, s, m, h); no unit means seconds. */
  duration(name: string, fallbackMs: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallbackMs;
    const match = DURATION_PATTERN.exec(raw);
    if (!match) {
      this.problems.push(`${name} must be a duration such as 900, 90s, 15m or 1h (got "${raw}")`);
      return fallbackMs;
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- an optional group that did not match is undefined
    return Number(match[1]) * UNIT_MS[match[2] ?? 's'];
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must use ${protocols.join(' or ')}`);
      }
    } catch {
      // The value may hold a password: never echo it.
      this.problems.push(`${name} is not a valid URL`);
    }
    return raw;
  }

  /** A comma-separated list of values, each one of `allowed` (case-insensitive); empty when unset. */
  someOf<T extends string>(name: string, allowed: readonly T[]): T[] {
    const raw = this.string(name);
    if (raw === undefined) return [];
    const values = raw
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part !== '');
    const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
    if (unknown.length > 0) this.problems.push(`${name} may list only ${allowed.join(', ')} (got "${unknown.join(', ')}")`);
    return [...new Set(values.filter((value): value is T => (allowed as readonly string[]).includes(value)))];
  }

  /** A comma-separated list of origins (`https://app.example.com`), or `*`. */
  origins(name: string): string[] {
    const raw = this.string(name);
    if (raw === undefined) return [];
    const origins = raw
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    for (const origin of origins) {
      if (origin === '*') continue;
      let valid = false;
      try {
        const parsed = new URL(origin);
        valid = ['http:', 'https:'].includes(parsed.protocol) && parsed.origin === origin.replace(/\/$/, '');
      } catch {
        valid = false;
      }
      if (!valid) this.problems.push(`${name} must list origins like https://app.example.com, separated by commas (got "${origin}")`);
    }
    return origins.map((origin) => origin.replace(/\/$/, ''));
  }

  /** `true`, `false`, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs. */
  trustProxy(name: string): boolean | number | string[] {
    const raw = this.string(name);
    if (raw === undefined) return false;
    if (['true', 'false'].includes(raw.toLowerCase())) return raw.toLowerCase() === 'true';
    if (/^\d+$/.test(raw)) return Number(raw);
    const list = raw
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (list.every((part) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(part))) return list;
    this.problems.push(`${name} must be true, false, a number of proxy hops or a list of proxy addresses/CIDRs (got "${raw}")`);
    return false;
  }
}
