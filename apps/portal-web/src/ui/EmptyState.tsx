import { Card, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A list with nothing in it yet: what is missing, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="xl">
      <Stack align="center" gap="xs">
        <Text fw={600}>{title}</Text>
        <Text c="dimmed" ta="center">
          {children}
        </Text>
      </Stack>
    </Card>
  );
}
