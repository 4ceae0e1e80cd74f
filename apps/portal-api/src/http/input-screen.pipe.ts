import { type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { type ErrorDetail, invalid } from '@keyport/common';

// An unpaired half of a UTF-16 surrogate pair: not a character, and no UTF-8 encoding exists for it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Runs before validation on every body, query string and path parameter, once for all routes:
 * refuses strings holding NUL (PostgreSQL cannot store it in text) or lone surrogates (not text at
 * all: they break e-mail handling and UTF-8 encoding downstream), and `null` anywhere in a body,
 * where no Keyport field gives it a meaning and optional fields would otherwise pass it on.
 * Stripe's webhook reads the raw request, not a piped argument, so its events are never screened.
 */
export class InputScreenPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems: ErrorDetail[] = [];
    screen(value, metadata.type === 'body' ? '' : (metadata.data ?? ''), metadata.type === 'body', problems);
    if (problems.length > 0) throw invalid('Invalid request', problems);
    return value;
  }
}

function screen(value: unknown, field: string, inBody: boolean, problems: ErrorDetail[]): void {
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    if (problem) problems.push({ field: field || 'body', message: problem });
  } else if (value === null) {
    if (inBody) problems.push({ field: field || 'body', message: 'must not be null' });
  } else if (typeof value === 'object') {
    // Bodies are at most 32 levels deep (the JSON parser refuses more); queries and params are flat.
    for (const [key, child] of Object.entries(value)) {
      const name = stringProblem(key) ? key.replace(/[\u0000\uD800-\uDFFF]/g, '\uFFFD') : key;
      const path = Array.isArray(value) ? `${field}[${key}]` : field ? `${field}.${name}` : name;
      if (name !== key) problems.push({ field: path, message: 'is not a valid property name' });
      else screen(child, path, inBody, problems);
    }
  }
}

function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds an unpaired surrogate)';
  return undefined;
}
