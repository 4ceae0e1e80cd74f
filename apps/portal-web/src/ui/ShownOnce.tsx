import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Note } from './Note';

/** A credential the API shows this once: a plain warning, its fields, and "Done". */
export function ShownOnce({ warningTitle, warning, children, onDone }: { warningTitle: string; warning: ReactNode; children: ReactNode; onDone: () => void }) {
  return (
    <Stack>
      <Note color="yellow" title={warningTitle}>
        {warning}
      </Note>
      {children}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
