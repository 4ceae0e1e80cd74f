import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormError } from '../ui/FormError';
import { fieldProps, useApiForm } from '../ui/use-api-form';

export interface NewClient extends Record<string, unknown> {
  name: string;
  scopes: string[];
}

/** A name and the scopes to grant (all of them ticked at first); the API's refusals appear under the field they name. */
export function ClientForm({
  scopes,
  nameHint,
  submitLabel,
  onSubmit,
}: {
  scopes: string[];
  nameHint: string;
  submitLabel: string;
  onSubmit: (values: NewClient) => Promise<unknown>;
}) {
  const form = useForm<NewClient>({ initialValues: { name: '', scopes } });
  const { onSubmit: submit, formError, submitting } = useApiForm(form, onSubmit);
  const scopeProps = form.getInputProps('scopes');
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" description={nameHint} data-autofocus {...fieldProps(form, 'name')} />
        <Checkbox.Group label="Scopes" description="What its access tokens may do" {...scopeProps}>
          <Stack gap="xs" mt="xs">
            {scopes.map((scope) => (
              <Checkbox key={scope} value={scope} label={scope} aria-invalid={scopeProps.error ? true : undefined} />
            ))}
          </Stack>
        </Checkbox.Group>
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
