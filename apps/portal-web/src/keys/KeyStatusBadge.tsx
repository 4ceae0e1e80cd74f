import { ColorSwatch, Group, Loader, Text } from '@mantine/core';
import type { ApiKey } from '../api/schemas';

const COLORS: Record<ApiKey['status'], string> = { provisioning: 'gray', active: 'green', revoked: 'red', expired: 'orange' };

/** A key's status in words, with a coloured dot; one still provisioning spins until the list, polling, sees it active. */
export function KeyStatusBadge({ status }: { status: ApiKey['status'] }) {
  return (
    <Group gap={6} wrap="nowrap">
      {status === 'provisioning' ? (
        <Loader size={10} color="gray" aria-hidden />
      ) : (
        <ColorSwatch component="span" color={`var(--mantine-color-${COLORS[status]}-filled)`} size={10} withShadow={false} aria-hidden />
      )}
      <Text size="sm">{status}</Text>
    </Group>
  );
}
