import { Alert, type AlertProps } from '@mantine/core';

/**
 * A boxed remark that is part of the page, not news: Mantine's Alert announces itself as an
 * alert, which suits failures (FormError) but not notes the page was rendered with.
 */
export function Note(props: Omit<AlertProps, 'role' | 'variant'>) {
  return <Alert variant="light" role="note" {...props} />;
}
