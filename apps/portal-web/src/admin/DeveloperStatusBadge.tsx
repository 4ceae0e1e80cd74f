import { Badge } from '@mantine/core';
import type { AdminDeveloper } from './admin-schemas';

/** Active, suspended, pending approval, deleted, or not yet confirmed, in words (the colour only repeats them). */
export function DeveloperStatusBadge({ developer }: { developer: Pick<AdminDeveloper, 'status' | 'confirmed'> }) {
  if (developer.status === 'deleted') return <Badge color="dark">deleted</Badge>;
  if (developer.status === 'suspended') return <Badge color="red">suspended</Badge>;
  if (developer.status === 'pending') return <Badge color="yellow">pending approval</Badge>;
  if (!developer.confirmed) return <Badge color="gray">unconfirmed</Badge>;
  return <Badge color="green">active</Badge>;
}
