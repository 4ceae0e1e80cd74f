import type { UseFormReturnType } from '@mantine/form';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-error';

export interface ApiFormSubmit {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** A failure that names no field of this form, to show above the button. */
  formError: string | null;
  submitting: boolean;
}

/**
 * Submits a Mantine form through an API call: problems the API names by field (`details[].field`)
 * appear under those fields, anything else as one message; the values typed stay in the form.
 */
export function useApiForm<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  action: (values: Values) => Promise<unknown>,
): ApiFormSubmit {
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    form.clearErrors();
    setSubmitting(true);
    try {
      await action(values);
    } catch (error) {
      setFormError(showErrors(form, error));
    } finally {
      setSubmitting(false);
    }
  });
  return { onSubmit, formError, submitting };
}

/** A field's props with `aria-invalid` while it shows an error (Mantine's PasswordInput marks its input only with data-invalid). */
export function fieldProps<Values extends Record<string, unknown>>(form: UseFormReturnType<Values>, path: keyof Values & string) {
  const props = form.getInputProps(path);
  return { ...props, 'aria-invalid': props.error ? true : undefined };
}

/** Puts field problems on their fields; returns the message for the rest, or null when every problem found its field. */
export function showErrors<Values extends Record<string, unknown>>(form: UseFormReturnType<Values>, error: unknown): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong.';
  const byField: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const detail of error.details) {
    if (detail.field !== undefined && detail.field in form.getValues()) {
      const message = sentence(detail.message);
      byField[detail.field] = byField[detail.field] ? `${byField[detail.field]} ${message}` : message;
    } else {
      elsewhere.push(detail.field ? `${detail.field}: ${detail.message}` : detail.message);
    }
  }
  form.setErrors(byField);
  if (Object.keys(byField).length > 0 && elsewhere.length === 0) return null;
  return elsewhere.length > 0 ? `${error.message}: ${elsewhere.join('; ')}` : error.message;
}

/** "must be an email" under the field "Email" reads as "Must be an email." */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
