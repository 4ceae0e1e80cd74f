/** An operation's response as the document means it: a `$ref` to `components.responses` followed. */
export function resolveResponse(document: any, response: any): any {
  const ref: unknown = response?.$ref;
  if (typeof ref !== 'string') return response;
  return document.components.responses[ref.replace('#/components/responses/', '')];
}
