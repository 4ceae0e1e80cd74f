import { Alert, Button, Card, Code, ColorSwatch, Group, PasswordInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { session } from '../../auth/session';
import { exampleOf, type Operation } from './openapi';
import { sendThroughGateway, type TryItAnswer } from './send-through-gateway';

type Json = Record<string, unknown>;

const asText = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Calls one operation through the gateway from the browser, with the developer's access token and a
 * key they paste (keys are shown once, so the portal cannot pick one for them), and shows the answer.
 */
export function TryIt({ document, operation, server, onClose }: { document: Json; operation: Operation; server: string; onClose: () => void }) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(operation.parameters.map((p) => [`${p.in}:${p.name}`, asText(exampleOf(document, p.schema, p.example))])),
  );
  const mediaType = Object.keys(operation.requestBody?.content ?? {})[0];
  const [body, setBody] = useState(() => {
    if (!mediaType) return '';
    const media = operation.requestBody!.content[mediaType];
    const example = exampleOf(document, media.schema, media.example);
    return example === undefined ? '' : JSON.stringify(example, null, 2);
  });
  const [apiKey, setApiKey] = useState('');
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<TryItAnswer | null>(null);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      const token = await session.currentToken();
      setAnswer(await sendThroughGateway({ server, operation, values, body: mediaType ? { type: mediaType, text: body } : undefined, apiKey, token }));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card withBorder padding="md" component="form" onSubmit={(event: FormEvent) => void send(event)} aria-label={`Try ${operation.method} ${operation.path}`}>
      <Stack gap="sm">
        {operation.parameters.map((parameter) => {
          const id = `${parameter.in}:${parameter.name}`;
          return (
            <TextInput
              key={id}
              label={parameter.name}
              description={`${parameter.in}${parameter.description ? `: ${parameter.description}` : ''}`}
              required={parameter.required}
              value={values[id] ?? ''}
              onChange={(event) => setValues({ ...values, [id]: event.currentTarget.value })}
            />
          );
        })}
        {mediaType && (
          <Textarea label="Request body" description={mediaType} autosize minRows={3} maxRows={12} value={body} onChange={(event) => setBody(event.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }} />
        )}
        <PasswordInput label="API key" description="One of your keys (shown once when you created it)" required autoComplete="off" value={apiKey} onChange={(event) => setApiKey(event.currentTarget.value)} />
        <Group gap="sm">
          <Button type="submit" loading={sending}>
            Send
          </Button>
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {answer?.kind === 'failed' && (
            <Alert color="red" variant="light" title="No answer from the gateway">
              {answer.message}
            </Alert>
          )}
          {answer?.kind === 'answered' && (
            <Stack gap={4}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  Status {answer.status}
                </Text>
                <ColorSwatch
                  component="span"
                  color={`var(--mantine-color-${answer.status < 300 ? 'green' : answer.status < 500 ? 'orange' : 'red'}-filled)`}
                  size={10}
                  withShadow={false}
                  aria-hidden
                />
                <Text size="sm" c="dimmed">
                  {answer.statusText || (answer.status < 300 ? 'OK' : 'Error')}
                </Text>
              </Group>
              {/* Focusable, so a keyboard can scroll a long body. */}
              <Code block tabIndex={0} aria-label="Response body" style={{ maxHeight: 320, overflow: 'auto' }}>
                {answer.body || '(no body)'}
              </Code>
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}
