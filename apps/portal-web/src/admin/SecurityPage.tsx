import { Badge, Button, Card, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { RefreshFailed } from '../ui/RefreshFailed';

const STATUS_COLOR = { fail: 'red', warn: 'yellow', pass: 'green' } as const;
const STATUS_ORDER = { fail: 0, warn: 1, pass: 2 } as const;

const securityQuery = (fresh: boolean) => ({
  queryKey: ['admin', 'security'],
  queryFn: () => unwrap(api.GET('/v1/admin/security', { params: { query: fresh ? { fresh: '1' } : {} } })),
});

/** The security audit: which layers protect the API, and what to change (the API decides; the page shows). */
export function Component() {
  const client = useQueryClient();
  const report = useQuery(securityQuery(false));
  const [auditing, setAuditing] = useState(false);
  const auditNow = async () => {
    setAuditing(true);
    try {
      client.setQueryData(['admin', 'security'], await securityQuery(true).queryFn());
    } catch {
      await report.refetch();
    } finally {
      setAuditing(false);
    }
  };
  const findings = [...(report.data?.findings ?? [])].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  return (
    <>
      <PageHeader title="Security" description="The gateway's configuration, checked layer by layer: authentication, authorization, encryption, rate limiting, network isolation, WAF and logging." />
      <RefreshFailed queries={[report]} />
      {report.error && report.data === undefined ? (
        <QueryError error={report.error} retry={() => void report.refetch()} />
      ) : !report.data ? (
        <Skeleton h={320} radius="md" />
      ) : (
        <Stack gap="lg">
          <Card withBorder padding="lg">
            <Group justify="space-between">
              <Group gap="sm" aria-label="Summary">
                <Badge color="red">{report.data.summary.fail} fail</Badge>
                <Badge color="yellow">{report.data.summary.warn} warn</Badge>
                <Badge color="green">{report.data.summary.pass} pass</Badge>
                <Text size="sm" c="dimmed">
                  {report.data.driver} driver, checked {new Date(report.data.checkedAt).toLocaleString()}
                </Text>
              </Group>
              <Button onClick={() => void auditNow()} loading={auditing}>
                Audit now
              </Button>
            </Group>
          </Card>
          <Table aria-label="Security findings" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>Status</Table.Th>
                <Table.Th miw={170}>Check</Table.Th>
                <Table.Th>Layer</Table.Th>
                <Table.Th>Resource</Table.Th>
                <Table.Th>Finding and fix</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {findings.map((finding) => (
                <Table.Tr key={`${finding.check} ${finding.resource}`}>
                  <Table.Td miw={90}>
                    <Badge color={STATUS_COLOR[finding.status]} miw={64}>
                      {finding.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {finding.check}
                    </Text>
                  </Table.Td>
                  <Table.Td>{finding.layer}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {finding.resource}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{finding.message}</Text>
                    {finding.fix && (
                      <Text size="sm" c="dimmed">
                        Fix: {finding.fix}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </>
  );
}
