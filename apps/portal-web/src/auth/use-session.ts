import { useSyncExternalStore } from 'react';
import { session, type SessionSnapshot } from './session';

export const ADMIN_GROUP = 'admin';

export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

export function useIsAdmin(): boolean {
  return useSession().groups.includes(ADMIN_GROUP);
}
