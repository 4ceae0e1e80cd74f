import { Anchor, Table, Text } from '@mantine/core';
import type { Invoice } from '../api/schemas';
import { formatDate, formatMoney } from '../ui/format';


export function InvoicesTable({ invoices }: { invoices: Invoice[] }) {
  if (invoices.length === 0) return <Text c="dimmed">No invoices yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" aria-label="Invoices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Number</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Amount</Table.Th>
            <Table.Th scope="col">Invoice</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((invoice) => (
            <Table.Tr key={invoice.id}>
              <Table.Td>{formatDate(invoice.createdAt)}</Table.Td>
              <Table.Td>{invoice.number ?? '–'}</Table.Td>
              <Table.Td>{invoice.status ?? '–'}</Table.Td>
              <Table.Td>{formatMoney(invoice.amountDue, invoice.currency)}</Table.Td>
              <Table.Td>
                {invoice.hostedInvoiceUrl ? (
                  <Anchor href={invoice.hostedInvoiceUrl} target="_blank" rel="noreferrer">
                    View
                  </Anchor>
                ) : (
                  '–'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
