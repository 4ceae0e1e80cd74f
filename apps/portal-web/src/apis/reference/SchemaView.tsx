import { Code, List, Text } from '@mantine/core';
import { resolve, type Schema, typeLabel } from './openapi';

type Json = Record<string, unknown>;

/** A schema as a nested list of its properties: name, type, required, description (named schemas are linked by name, not expanded). */
export function SchemaView({ document, schema, depth = 0 }: { document: Json; schema: Schema | undefined; depth?: number }) {
  const shown = schema?.$ref && depth > 0 ? undefined : resolve<Schema | undefined>(document, schema);
  const properties = shown?.properties ?? (shown?.type === 'array' && !shown.items?.$ref ? resolve<Schema | undefined>(document, shown.items)?.properties : undefined);
  if (!properties || depth > 3) {
    return (
      <Text size="sm">
        <Code>{typeLabel(document, schema)}</Code> {schema?.description ?? shown?.description}
      </Text>
    );
  }
  const required = new Set(shown?.required ?? []);
  return (
    <List size="sm" spacing={4} listStyleType="none" withPadding={depth > 0}>
      {Object.entries(properties).map(([name, property]) => (
        <List.Item key={name}>
          <Text size="sm" span fw={600}>
            {name}
          </Text>{' '}
          <Code>{typeLabel(document, property)}</Code>
          {required.has(name) && (
            <Text span size="xs" c="red.9" fw={600} ml={6}>
              required
            </Text>
          )}
          {property.description && (
            <Text span size="sm" c="dimmed" ml={6}>
              {property.description}
            </Text>
          )}
          {!property.$ref && property.properties && <SchemaView document={document} schema={property} depth={depth + 1} />}
        </List.Item>
      ))}
    </List>
  );
}
