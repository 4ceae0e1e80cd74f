import type { Operation } from './openapi';

export type TryItAnswer = { kind: 'answered'; status: number; statusText: string; body: string } | { kind: 'failed'; message: string };

export interface TryItRequest {
  server: string;
  operation: Operation;
  /** Parameter values by `in:name`. */
  values: Record<string, string>;
  body?: { type: string; text: string };
  apiKey: string;
  token: string | null;
}

/** The gateway's answer as text (JSON pretty-printed), or why none came (the network, or CORS). */
export async function sendThroughGateway(request: TryItRequest): Promise<TryItAnswer> {
  const { operation, values } = request;
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[`path:${name}`] ?? ''));
  const query = new URLSearchParams();
  const headers: Record<string, string> = { 'x-api-key': request.apiKey.trim() };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  for (const parameter of operation.parameters) {
    const value = values[`${parameter.in}:${parameter.name}`] ?? '';
    if (value === '') continue;
    if (parameter.in === 'query') query.append(parameter.name, value);
    if (parameter.in === 'header') headers[parameter.name.toLowerCase()] = value;
  }
  const hasBody = request.body !== undefined && request.body.text.trim() !== '';
  if (hasBody) headers['content-type'] = request.body!.type;
  const url = `${request.server.replace(/\/+$/, '')}${path}${query.size > 0 ? `?${query}` : ''}`;
  let response: Response;
  try {
    response = await fetch(url, { method: operation.method, headers, body: hasBody ? request.body!.text : undefined, credentials: 'omit' });
  } catch (error) {
    return { kind: 'failed', message: `Could not reach ${url}: ${(error as Error).message}` };
  }
  const text = await response.text();
  return { kind: 'answered', status: response.status, statusText: response.statusText, body: pretty(text) };
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
