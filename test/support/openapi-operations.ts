/** One route of the OpenAPI document, with what a test needs to call it. */
export interface Operation {
  method: string;
  /** The path template, `{id}` style. */
  path: string;
  /** Top-level properties of the JSON body, with their schema type (`string`, `integer`, `object`, ...). */
  bodyFields: Array<{ name: string; type: string | undefined }>;
  /** Whether the route takes a JSON body at all. */
  hasBody: boolean;
  queryParams: string[];
  pathParams: string[];
  /** Needs a bearer token. */
  secured: boolean;
}

/** Every operation of Keyport's OpenAPI document (`GET /docs-json`). */
export function operationsOf(document: any): Operation[] {
  const schemas = document.components?.schemas ?? {};
  return Object.entries<any>(document.paths).flatMap(([path, item]) =>
    ['get', 'post', 'put', 'patch', 'delete']
      .filter((method) => item[method])
      .map((method) => {
        const operation = item[method];
        const ref: string | undefined = operation.requestBody?.content?.['application/json']?.schema?.$ref;
        const schema = ref ? schemas[ref.split('/').pop() as string] : undefined;
        const parameters: Array<{ name: string; in: string }> = operation.parameters ?? [];
        return {
          method: method.toUpperCase(),
          path,
          bodyFields: Object.entries<any>(schema?.properties ?? {}).map(([name, property]) => ({
            name,
            type: property.type ?? (property.allOf ? 'object' : undefined),
          })),
          hasBody: ref !== undefined,
          queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          secured: (operation.security ?? []).length > 0,
        };
      }),
  );
}
