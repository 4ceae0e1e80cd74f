import { invalid } from '@keyport/common';
import { parse } from 'yaml';
import { type OpenApiObject } from './api-document';

/** What Keyport keeps of a valid document: its `info` fields and the document itself. */
export interface ParsedOpenApi {
  title: string;
  version: string;
  description: string | null;
  document: OpenApiObject;
}

const OPENAPI_3 = /^3\.\d+\.\d+$/;
/** Alias expansions one YAML document may make (billion-laughs guard; the yaml package's own default). */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses an OpenAPI 3.x document given as YAML or JSON text (YAML is a superset of JSON), or as the
 * value a JSON body already parsed to, and checks the fields every OpenAPI 3.x document must have.
 * Anything else is a 400 `API_DOCUMENT_INVALID` carrying the parser's message.
 */
export function parseOpenApi(input: unknown): ParsedOpenApi {
  const value = typeof input === 'string' ? parseText(input) : input;
  if (!isObject(value)) throw problem('document', 'must be an OpenAPI object (a mapping), not a scalar or a list');
  if (typeof value.openapi !== 'string' || !OPENAPI_3.test(value.openapi))
    throw problem('openapi', 'must be an OpenAPI 3.x version such as "3.0.3" or "3.1.0"');
  const info = value.info;
  if (!isObject(info)) throw problem('info', 'is required: an object with title and version');
  if (typeof info.title !== 'string' || info.title.trim() === '') throw problem('info.title', 'is required: a non-empty string');
  if (typeof info.version !== 'string' || info.version.trim() === '') throw problem('info.version', 'is required: a non-empty string');
  if (!isObject(value.paths)) throw problem('paths', 'is required: an object of path items (it may be empty)');
  const unstorable = unstorableText(value, '');
  if (unstorable !== undefined) throw problem(unstorable || 'document', 'holds a NUL character or an unpaired surrogate, which is not text');
  return {
    title: info.title.slice(0, 200),
    version: info.version.slice(0, 100),
    description: typeof info.description === 'string' ? info.description.slice(0, 2_000) : null,
    // A round trip through JSON: what the table keeps is plain JSON, whatever YAML allowed (dates, ...).
    document: JSON.parse(JSON.stringify(value)) as OpenApiObject,
  };
}

function parseText(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: MAX_ALIAS_COUNT, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    throw problem('document', `is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}

// An unpaired half of a UTF-16 surrogate pair: no UTF-8 encoding exists for it, nor for NUL in PostgreSQL's jsonb.
const NOT_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first key or string PostgreSQL's jsonb cannot store. */
function unstorableText(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return NOT_TEXT.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const field = path === '' ? key : `${path}.${key}`;
    if (NOT_TEXT.test(key)) return path;
    const found = unstorableText(child, field);
    if (found !== undefined) return found;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(field: string, message: string) {
  return invalid(`Not an OpenAPI 3.x document: ${field} ${message}`, [{ field, message }], 'API_DOCUMENT_INVALID');
}
