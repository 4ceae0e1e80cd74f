import { Modal } from '@mantine/core';
import { useState } from 'react';
import type { IssuedApplication } from '../api/schemas';
import { ClientForm, type NewClient } from './ClientForm';
import { RevealedSecret } from './RevealedSecret';

/** Creating client credentials: the form, then the secret shown once (the dialog does not close on a stray click then). */
export function ClientDialog({
  opened,
  title,
  scopes,
  nameHint,
  submitLabel,
  onClose,
  create,
}: {
  opened: boolean;
  title: string;
  scopes: string[];
  nameHint: string;
  submitLabel: string;
  onClose: () => void;
  create: (values: NewClient) => Promise<IssuedApplication>;
}) {
  const [issued, setIssued] = useState<IssuedApplication | null>(null);
  const close = () => {
    setIssued(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={issued ? 'Your client credentials' : title} closeOnClickOutside={!issued}>
      {issued ? (
        <RevealedSecret issued={issued} onDone={close} />
      ) : (
        <ClientForm scopes={scopes} nameHint={nameHint} submitLabel={submitLabel} onSubmit={async (values) => setIssued(await create(values))} />
      )}
    </Modal>
  );
}
