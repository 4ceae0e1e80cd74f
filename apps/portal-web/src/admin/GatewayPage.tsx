import { Button, Card, Code, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/keyport-api.gen';
import { FormError } from '../ui/FormError';
import { formatCount, formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useAction } from '../ui/use-action';
import { FactsTable } from './FactsTable';
import { RefreshFailed } from '../ui/RefreshFailed';

type Status = components['schemas']['GatewayConsoleStatusDto'];
type ReconcileReport = components['schemas']['ReconcileReportDto'];
type UsageSyncResult = components['schemas']['UsageSyncResultDto'];
type EndedRun = components['schemas']['UsageIngestionRunDto'];
type RunningJob = components['schemas']['RunningJobDto'];

const STATUS_POLL_MS = 5_000;

/** The gateway as Keyport sees it, with the two jobs an operator runs by hand. */
export function Component() {
  const status = useQuery({ queryKey: ['admin', 'gateway-status'], queryFn: () => unwrap(api.GET('/v1/admin/gateway/status')), refetchInterval: STATUS_POLL_MS });
  const sync = useAction();
  const reconcile = useAction();
  const [synced, setSynced] = useState<UsageSyncResult | null>(null);
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const runSync = () =>
    sync.run(async () => {
      setSynced(await unwrap(api.POST('/v1/admin/gateway/usage-sync', { body: {} })));
      await status.refetch();
    });
  const runDryRun = () =>
    reconcile.run(async () => {
      setReport(await unwrap(api.POST('/v1/admin/gateway/reconciliation/dry-run')));
      await status.refetch();
    });
  return (
    <>
      <PageHeader title="Gateway" description="Where keys and plans are enforced, and how far behind Keyport's changes are." />
      <RefreshFailed queries={[status]} />
      {status.error && status.data === undefined ? (
        <QueryError error={status.error} retry={() => void status.refetch()} />
      ) : !status.data ? (
        <Skeleton h={300} radius="md" />
      ) : (
        <Overview status={status.data} />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="lg">
        <Card withBorder padding="lg" component="section" aria-label="Usage ingestion">
          <Title order={2} fz="h4" mb="xs">
            Usage ingestion
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Reads the last days of usage from the gateway into Keyport's reports (on the embedded gateway usage arrives by itself).
          </Text>
          <Running runs={status.data?.running.filter((run) => run.job === 'usageIngestion') ?? []} />
          <LastRun run={status.data?.lastUsageIngestion ?? null} describe={(result: UsageSyncResult) => usageLine(result)} />
          <Group mt="sm">
            <Button onClick={() => void runSync()} loading={sync.busy}>
              Run usage sync
            </Button>
          </Group>
          <FormError message={sync.error} />
          <div role="status">{synced && <Text mt="sm">Usage sync done: {usageLine(synced)}</Text>}</div>
        </Card>
        <Card withBorder padding="lg" component="section" aria-label="Reconciliation">
          <Title order={2} fz="h4" mb="xs">
            Reconciliation
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Compares the gateway's plans and keys with Keyport's. A dry run changes nothing.
          </Text>
          <Running runs={status.data?.running.filter((run) => run.job === 'reconciliation') ?? []} />
          <LastRun run={status.data?.lastReconciliation ?? null} describe={(result: ReconcileReport) => reconcileLine(result)} />
          <Group mt="sm">
            <Button onClick={() => void runDryRun()} loading={reconcile.busy}>
              Run reconciliation dry run
            </Button>
          </Group>
          <FormError message={reconcile.error} />
          <div role="status">
            {report && (
              <Stack gap={4} mt="sm">
                <Text>Dry run done: {reconcileLine(report)}</Text>
                {report.findings.length > 0 && (
                  <List size="sm">
                    {report.findings.map((finding, index) => (
                      <List.Item key={index}>
                        <Code>{finding.kind}</Code> {finding.detail} → {finding.action}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            )}
          </div>
        </Card>
      </SimpleGrid>
    </>
  );
}

function Overview({ status }: { status: Status }) {
  const rows: Array<[string, string]> = [
    ['Driver', status.driver === 'aws' ? `AWS API Gateway (${status.region ?? 'region not set'})` : 'Embedded gateway (local)'],
    ['Keys at the gateway', status.keys.limit === null ? formatCount(status.keys.used) : `${formatCount(status.keys.used)} of ${formatCount(status.keys.limit)}`],
    ['Outbox depth', formatCount(status.outbox.depth)],
    ['Oldest item waiting', status.outbox.oldestSeconds === null ? 'None waiting' : `${formatCount(status.outbox.oldestSeconds)} s`],
    ['Given up', formatCount(status.outbox.dead)],
  ];
  if (status.calls) rows.push(['AWS calls since start', `${formatCount(status.calls.sent)} (${status.calls.throttled} throttled, ${status.calls.serverErrors} server errors, ${status.calls.networkErrors} without answer)`]);
  return (
    <Card withBorder padding="lg">
      <FactsTable label="Gateway status" rows={rows} />
    </Card>
  );
}

function LastRun<Result>({ run, describe }: { run: (Omit<EndedRun, 'result'> & { result?: Result }) | null; describe: (result: Result) => string }) {
  if (!run) return <Text size="sm">Last run: none recorded yet.</Text>;
  const outcome = run.ok && run.result ? describe(run.result) : `${run.outcome} (${run.error ?? 'no reason given'})`;
  return (
    <Text size="sm">
      Last run {formatDateTime(run.finishedAt)} ({startedBy(run)}): {outcome}
    </Text>
  );
}

/** A run going on now, in whichever process (the worker's schedule, another admin). */
function Running({ runs }: { runs: RunningJob[] }) {
  return runs.map((run, index) => (
    <Text size="sm" key={index}>
      Running since {formatDateTime(run.startedAt)} ({startedBy(run)}{run.dryRun ? ', dry run' : ''}).
    </Text>
  ));
}

const startedBy = (run: Pick<EndedRun, 'triggeredBy'>) =>
  run.triggeredBy === 'schedule' ? 'scheduled' : run.triggeredBy === 'admin' ? 'run by an admin' : 'run from the command line';

const usageLine = (result: UsageSyncResult) =>
  `${result.from} to ${result.to}, ${formatCount(result.plans)} plan(s), ${formatCount(result.rows)} key-day(s) written, ${formatCount(result.unknownKeys)} unknown key(s).`;

const reconcileLine = (report: ReconcileReport) =>
  `${formatCount(report.plans)} plan(s), ${formatCount(report.gatewayKeys)} gateway key(s), ${formatCount(report.keyportKeys)} live key(s) checked; ${
    report.findings.length === 0 ? 'no drift' : `${report.findings.length} difference(s)${report.dryRun ? '' : `, ${report.repaired} repaired`}`
  }.`;
