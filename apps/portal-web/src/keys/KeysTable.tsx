import { Button, Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ApiKey } from '../api/schemas';
import { formatUtc } from '../ui/format';
import { KeyStatusBadge } from './KeyStatusBadge';

/** Every key, revoked ones included, with what can still be done to each. */
export function KeysTable({ keys, onRotate, onRevoke }: { keys: ApiKey[]; onRotate: (key: ApiKey) => void; onRevoke: (key: ApiKey) => void }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Your keys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Key</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Created (UTC)</Table.Th>
            <Table.Th scope="col">Expires (UTC)</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key.id}>
              <Table.Th scope="row" fw={500}>
                {key.name}
              </Table.Th>
              <Table.Td>
                <Code style={{ whiteSpace: 'nowrap' }}>
                  {key.prefix}…{key.last4}
                </Code>
              </Table.Td>
              <Table.Td>
                <KeyStatusBadge status={key.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatUtc(key.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{expiry(key)}</Text>
              </Table.Td>
              <Table.Td>
                {key.status !== 'revoked' && key.status !== 'expired' && (
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => onRotate(key)}>
                      Rotate
                    </Button>
                    <Button size="xs" variant="light" color="red" onClick={() => onRevoke(key)}>
                      Revoke
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function expiry(key: ApiKey): string {
  if (key.status === 'expired' && key.expiresAt) return `Expired ${formatUtc(key.expiresAt)}`;
  if (key.revokedAt) return `Revoked ${formatUtc(key.revokedAt)}`;
  return key.expiresAt ? formatUtc(key.expiresAt) : 'Never';
}
