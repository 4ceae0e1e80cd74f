/** The few OpenAPI 3.x shapes the reference reads; everything else in a document is passed over. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  example?: unknown;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Schema;
  example?: unknown;
}

export interface MediaType {
  schema?: Schema;
  example?: unknown;
}

export interface Operation {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  tags: string[];
  parameters: Parameter[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, MediaType> };
  responses: Array<{ status: string; description: string; content: Record<string, MediaType> }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local `$ref` (`#/components/...`) once; anything else is returned as it is. */
export function resolve<T>(document: Json, value: unknown): T {
  if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value as T;
  let target: unknown = document;
  for (const part of value.$ref.slice(2).split('/')) target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return (target ?? value) as T;
}

/** Every operation of the document, with path-level parameters merged in, grouped by its first tag. */
export function operationsByTag(document: Json): Map<string, Operation[]> {
  const groups = new Map<string, Operation[]>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolve<Json>(document, rawItem);
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const raw = item[method];
      if (!isObject(raw)) continue;
      const operation = toOperation(document, method, path, raw, shared);
      const tag = operation.tags[0] ?? 'default';
      groups.set(tag, [...(groups.get(tag) ?? []), operation]);
    }
  }
  return groups;
}

function toOperation(document: Json, method: string, path: string, raw: Json, shared: unknown[]): Operation {
  const own = Array.isArray(raw.parameters) ? raw.parameters : [];
  const byKey = new Map<string, Parameter>();
  for (const entry of [...shared, ...own]) {
    const parameter = resolve<Parameter>(document, entry);
    if (isObject(parameter) && typeof parameter.name === 'string') byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  const body = resolve<Json | undefined>(document, raw.requestBody);
  const responses = isObject(raw.responses) ? raw.responses : {};
  return {
    method: method.toUpperCase(),
    path,
    operationId: typeof raw.operationId === 'string' ? raw.operationId : undefined,
    summary: typeof raw.summary === 'string' ? raw.summary : undefined,
    description: typeof raw.description === 'string' ? raw.description : undefined,
    tags: Array.isArray(raw.tags) ? raw.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    parameters: [...byKey.values()].filter((parameter) => parameter.in !== 'cookie'),
    requestBody: isObject(body) && isObject(body.content) ? (body as Operation['requestBody']) : undefined,
    responses: Object.entries(responses).map(([status, value]) => {
      const response = resolve<Json>(document, value);
      return {
        status,
        description: typeof response?.description === 'string' ? response.description : '',
        content: isObject(response?.content) ? (response.content as Record<string, MediaType>) : {},
      };
    }),
  };
}

/** A one-line type: `string`, `array of Order`, `object`, `"a" | "b"`. */
export function typeLabel(document: Json, schema: Schema | undefined): string {
  if (!schema) return 'any';
  if (schema.$ref) return schema.$ref.split('/').pop() ?? 'object';
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  if (type === 'array') return `array of ${typeLabel(document, schema.items)}`;
  for (const combiner of ['oneOf', 'anyOf', 'allOf'] as const) {
    const parts = schema[combiner];
    if (parts) return parts.map((part) => typeLabel(document, part)).join(combiner === 'allOf' ? ' & ' : ' | ');
  }
  return `${type ?? (schema.properties ? 'object' : 'any')}${schema.format ? ` (${schema.format})` : ''}${schema.nullable ? ' | null' : ''}`;
}

/** An example value for a parameter field or a request body: the document's own, else one made from the schema. */
export function exampleOf(document: Json, schema: Schema | undefined, given: unknown, depth = 0): unknown {
  if (given !== undefined) return given;
  const resolved = resolve<Schema | undefined>(document, schema);
  if (!resolved || depth > 4) return undefined;
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.default !== undefined) return resolved.default;
  if (resolved.enum?.length) return resolved.enum[0];
  if (resolved.type === 'array') return [exampleOf(document, resolved.items, undefined, depth + 1)].filter((item) => item !== undefined);
  if (resolved.properties) {
    return Object.fromEntries(Object.entries(resolved.properties).map(([name, property]) => [name, exampleOf(document, property, undefined, depth + 1) ?? null]));
  }
  return { string: '', integer: 0, number: 0, boolean: false }[String(resolved.type)];
}
