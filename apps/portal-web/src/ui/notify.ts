import { notifications } from '@mantine/notifications';

/** A short confirmation that something the developer asked for is done (announced as a status, not an alert). */
export function notifyDone(message: string): void {
  notifications.show({ message, color: 'green', role: 'status', autoClose: 4_000 });
}
