import { Alert } from '@mantine/core';

/** The one message of a failed submission that names no field; announced to screen readers. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" title="That did not work">
      {message}
    </Alert>
  );
}
