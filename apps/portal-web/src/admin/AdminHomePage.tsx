import { Anchor, Card, Text } from '@mantine/core';
import { PageHeader } from '../ui/PageHeader';

/** The console's entry; its pages (developers, tiers, reports, audit log, invitations, gateway) come next. */
export function Component() {
  return (
    <>
      <PageHeader title="Admin console" description="Run the API programme: developers, tiers, reports and the audit log." />
      <Card withBorder padding="lg">
        <Text>
          The console&apos;s pages are on their way. Meanwhile every admin action is in the API, documented at{' '}
          <Anchor href="/docs">/docs</Anchor> under “admin”.
        </Text>
      </Card>
    </>
  );
}
