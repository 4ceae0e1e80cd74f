import { Badge, Loader } from '@mantine/core';
import type { ApiKey } from '../api/schemas';

const COLORS: Record<ApiKey['status'], string> = { provisioning: 'gray', active: 'green', revoked: 'red' };

/** A key's status; one still provisioning spins until the list, polling, sees it active. */
export function KeyStatusBadge({ status }: { status: ApiKey['status'] }) {
  return (
    <Badge color={COLORS[status]} tt="none" style={{ flexShrink: 0, overflow: 'visible' }} leftSection={status === 'provisioning' ? <Loader size={10} color="gray" aria-hidden /> : undefined}>
      {status}
    </Badge>
  );
}
