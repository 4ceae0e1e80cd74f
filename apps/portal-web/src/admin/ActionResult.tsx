import { Card, Stack, Text, Title } from '@mantine/core';
import type { AuditEntry } from './admin-schemas';
import { AuditEntryView } from './AuditEntryView';

export interface ActionOutcome {
  message: string;
  audit: AuditEntry | null;
}

/** What the last action did, and the audit entry it wrote; announced as a status. */
export function ActionResult({ outcome }: { outcome: ActionOutcome | null }) {
  return (
    <div role="status" aria-live="polite">
      {outcome && (
        <Card withBorder padding="md" mb="lg" aria-label="Last action">
          <Stack gap="xs">
            <Title order={2} fz="h5">
              {outcome.message}
            </Title>
            {outcome.audit ? <AuditEntryView entry={outcome.audit} /> : <Text size="sm">No audit entry was written.</Text>}
          </Stack>
        </Card>
      )}
    </div>
  );
}
