import { Button, Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Application } from '../api/schemas';
import { formatUtc } from '../ui/format';

/** Client credentials as a table: name, client id, scopes, created, and what can be done to each. */
export function ApplicationsTable({
  label,
  applications,
  onRotate,
  onDelete,
}: {
  label: string;
  applications: Application[];
  onRotate?: (application: Application) => void;
  onDelete: (application: Application) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Client id</Table.Th>
            <Table.Th scope="col">Scopes</Table.Th>
            <Table.Th scope="col">Created (UTC)</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applications.map((application) => (
            <Table.Tr key={application.id}>
              <Table.Th scope="row" fw={500}>
                {application.name}
              </Table.Th>
              <Table.Td>
                <Code style={{ whiteSpace: 'nowrap' }}>{application.clientId}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{application.scopes.join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatUtc(application.createdAt)}</Text>
                {application.previousSecretExpiresAt && (
                  <Text size="xs" c="dimmed">
                    Old secret works until {formatUtc(application.previousSecretExpiresAt)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {onRotate && (
                    <Button size="xs" variant="default" onClick={() => onRotate(application)}>
                      Rotate secret
                    </Button>
                  )}
                  <Button size="xs" variant="light" color="red" onClick={() => onDelete(application)}>
                    Delete
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
