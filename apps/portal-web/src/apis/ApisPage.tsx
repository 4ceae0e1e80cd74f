import { Anchor, Card, Grid, NavLink, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useApiDocument, useApis } from './apis.queries';
import { RefreshFailed } from '../ui/RefreshFailed';

// The reference renderer is its own chunk: only this page, and only once an API is shown, loads it.
const ApiReference = lazy(() => import('./reference/ApiReference'));

/** The provider's API catalogue: pick an API, read its reference, try its operations through the gateway. */
export function Component() {
  const apis = useApis();
  const [params] = useSearchParams();
  const chosen = params.get('api') ?? apis.data?.[0]?.slug ?? null;
  const document = useApiDocument(chosen);
  return (
    <>
      <PageHeader title="APIs" description="The APIs your keys open, with their reference. Try an operation with one of your keys." />
      <RefreshFailed queries={[apis]} />
      {apis.error && apis.data === undefined ? (
        <QueryError error={apis.error} retry={() => void apis.refetch()} />
      ) : !apis.data ? (
        <Skeleton h={200} radius="md" />
      ) : apis.data.length === 0 ? (
        <Card withBorder padding="lg">
          <Stack gap="xs">
            <Title order={2} fz="h4">
              No APIs published yet
            </Title>
            <Text c="dimmed">When the provider publishes its APIs, each one appears here with its reference and a way to try it with your keys.</Text>
            <Text>
              The reference of Keyport&apos;s own API is at <Anchor href="/docs">/docs</Anchor>.
            </Text>
          </Stack>
        </Card>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Card withBorder padding="xs" component="nav" aria-label="Published APIs">
              {apis.data.map((entry) => (
                <NavLink
                  key={entry.slug}
                  component={Link}
                  to={`?api=${encodeURIComponent(entry.slug)}`}
                  replace
                  label={entry.title}
                  description={`Version ${entry.version}`}
                  active={entry.slug === chosen}
                  aria-current={entry.slug === chosen ? 'page' : undefined}
                />
              ))}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <RefreshFailed queries={[document]} />
            {document.error && document.data === undefined ? (
              <QueryError error={document.error} retry={() => void document.refetch()} />
            ) : !document.data ? (
              <Skeleton h={300} radius="md" />
            ) : (
              <Suspense fallback={<Skeleton h={300} radius="md" />}>
                <ApiReference api={document.data} />
              </Suspense>
            )}
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
