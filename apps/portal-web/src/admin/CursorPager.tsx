import { Button, Group } from '@mantine/core';
import { useState } from 'react';

/**
 * Paging by the API's cursors: the cursors seen so far are kept, so going back asks for exactly the
 * page shown before, and rows added meanwhile appear on later pages, nobody twice.
 */
export function useCursors() {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    isFirst: cursors.length === 1,
    back: () => setCursors(cursors.slice(0, -1)),
    forward: (next: string) => setCursors([...cursors, next]),
    restart: () => setCursors([undefined]),
  };
}

export function CursorPager(props: { pager: ReturnType<typeof useCursors>; nextCursor: string | null | undefined; loading: boolean; backLabel: string; forwardLabel: string }) {
  const { pager, nextCursor } = props;
  return (
    <Group justify="flex-end" mt="md" gap="sm">
      <Button variant="default" disabled={pager.isFirst} onClick={pager.back}>
        {props.backLabel}
      </Button>
      <Button variant="default" disabled={!nextCursor || props.loading} onClick={() => nextCursor && pager.forward(nextCursor)}>
        {props.forwardLabel}
      </Button>
    </Group>
  );
}
