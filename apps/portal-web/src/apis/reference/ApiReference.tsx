import { Accordion, Badge, Card, Code, ColorSwatch, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { ApiDocument } from '../../api/schemas';
import { operationsByTag, type Schema } from './openapi';
import { OperationPanel } from './OperationPanel';
import { SchemaView } from './SchemaView';

const METHOD_COLOURS: Record<string, string> = { GET: 'blue', POST: 'green', PUT: 'orange', PATCH: 'grape', DELETE: 'red' };

/** One API's reference, rendered from its OpenAPI document: operations by tag, then its schemas. */
export default function ApiReference({ api }: { api: ApiDocument }) {
  const document = api.document as Record<string, unknown>;
  const groups = useMemo(() => operationsByTag(document), [document]);
  const server = (document.servers as Array<{ url: string }> | undefined)?.[0]?.url ?? '';
  const schemas = ((document.components as Record<string, unknown> | undefined)?.schemas ?? {}) as Record<string, Schema>;
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2} fz="h3">
              {api.title}
            </Title>
            <Badge variant="default">{api.version}</Badge>
          </Group>
          {api.description && <Text>{api.description}</Text>}
          <Text size="sm" c="dimmed">
            Base URL <Code>{server || 'not known yet'}</Code>. Every call needs your key in <Code>x-api-key</Code> and your access token.
          </Text>
        </Stack>
      </Card>
      {[...groups].map(([tag, operations]) => (
        <section key={tag} aria-labelledby={`tag-${tag}`}>
          <Title order={3} fz="h4" mb="xs" id={`tag-${tag}`}>
            {tag}
          </Title>
          <Accordion variant="separated" chevronPosition="left">
            {operations.map((operation, index) => (
              // The value becomes element ids (aria-controls): an index, not the path with its spaces and braces.
              <Accordion.Item key={`${operation.method} ${operation.path}`} value={`operation-${index}`}>
                <Accordion.Control>
                  <Group gap="sm" wrap="nowrap">
                    <Group gap={6} wrap="nowrap" w={84} style={{ flexShrink: 0 }}>
                      <ColorSwatch component="span" color={`var(--mantine-color-${METHOD_COLOURS[operation.method] ?? 'gray'}-filled)`} size={10} withShadow={false} aria-hidden />
                      <Text fw={700} size="sm" ff="monospace">
                        {operation.method}
                      </Text>
                    </Group>
                    <Code style={{ wordBreak: 'break-all' }}>{operation.path}</Code>
                    {operation.summary && (
                      <Text size="sm" c="dimmed" visibleFrom="sm">
                        {operation.summary}
                      </Text>
                    )}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <OperationPanel document={document} operation={operation} server={server} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </section>
      ))}
      {Object.keys(schemas).length > 0 && (
        <section aria-labelledby="schemas">
          <Title order={3} fz="h4" mb="xs" id="schemas">
            Schemas
          </Title>
          <Stack gap="sm">
            {Object.entries(schemas).map(([name, schema]) => (
              <Card key={name} withBorder padding="md">
                <Text fw={600} mb={4}>
                  {name}
                </Text>
                <SchemaView document={document} schema={schema} />
              </Card>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
