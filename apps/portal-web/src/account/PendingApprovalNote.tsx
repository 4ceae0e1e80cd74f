import { Note } from '../ui/Note';
import { useMe } from './me.queries';

/** While SIGNUP_APPROVAL=manual keeps the sign-up pending: why keys cannot be created yet. */
export function PendingApprovalNote() {
  const me = useMe();
  if (me.data?.status !== 'pending') return null;
  return (
    <Note color="yellow" mb="md" title="Waiting for approval">
      An admin must approve your sign-up before you can create keys. You can look around meanwhile; this page works as soon as they do.
    </Note>
  );
}
