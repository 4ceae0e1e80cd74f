import { Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Operation } from './openapi';
import { typeLabel } from './openapi';
import { SchemaView } from './SchemaView';
import { TryIt } from './TryIt';

type Json = Record<string, unknown>;

/** An operation's parameters, request body and responses, and its "Try it". */
export function OperationPanel({ document, operation, server }: { document: Json; operation: Operation; server: string }) {
  const [trying, setTrying] = useState(false);
  const title = `${operation.method} ${operation.path}`;
  return (
    <Stack gap="md">
      {operation.summary && <Text fw={600}>{operation.summary}</Text>}
      {operation.description && <Text size="sm">{operation.description}</Text>}
      {operation.parameters.length > 0 && (
        <div>
          <Title order={4} fz="sm" mb={4}>
            Parameters
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label={`Parameters of ${title}`} striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>In</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Description</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {operation.parameters.map((parameter) => (
                  <Table.Tr key={`${parameter.in}:${parameter.name}`}>
                    <Table.Td>
                      <Code>{parameter.name}</Code>
                      {parameter.required && (
                        <Text span size="xs" c="red.9" fw={600} ml={6}>
                          required
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{parameter.in}</Table.Td>
                    <Table.Td>
                      <Code>{typeLabel(document, parameter.schema)}</Code>
                    </Table.Td>
                    <Table.Td>{parameter.description}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      )}
      {operation.requestBody && (
        <div>
          <Title order={4} fz="sm" mb={4}>
            Request body {operation.requestBody.required ? '(required)' : '(optional)'}
          </Title>
          {Object.entries(operation.requestBody.content).map(([type, media]) => (
            <Stack key={type} gap={4}>
              <Text size="xs" c="dimmed">
                {type}
              </Text>
              <SchemaView document={document} schema={media.schema} />
            </Stack>
          ))}
        </div>
      )}
      <div>
        <Title order={4} fz="sm" mb={4}>
          Responses
        </Title>
        <Stack gap={6}>
          {operation.responses.map((response) => (
            <div key={response.status}>
              <Text size="sm">
                <Code>{response.status}</Code> {response.description}
              </Text>
              {Object.values(response.content)
                .slice(0, 1)
                .map((media, index) => media.schema && <SchemaView key={index} document={document} schema={media.schema} />)}
            </div>
          ))}
        </Stack>
      </div>
      {trying ? (
        <TryIt document={document} operation={operation} server={server} onClose={() => setTrying(false)} />
      ) : (
        <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setTrying(true)}>
          Try it
        </Button>
      )}
    </Stack>
  );
}
