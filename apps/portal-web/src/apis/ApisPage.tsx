import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { PageHeader } from '../ui/PageHeader';

/** The provider's API catalogue; a shell until the API publishes one (GET /v1/apis). */
export function Component() {
  return (
    <>
      <PageHeader title="APIs" description="The APIs your keys open, with their reference." />
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
    </>
  );
}
