import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label and value rows, for a profile or a status. */
export function FactsTable({ label, rows }: { label: string; rows: Array<[string, ReactNode]> }) {
  return (
    <Table variant="vertical" aria-label={label}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th scope="row" w={200}>
              {name}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
