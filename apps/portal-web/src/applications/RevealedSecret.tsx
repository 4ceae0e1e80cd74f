import type { IssuedApplication } from '../api/schemas';
import { CopyableField } from '../ui/CopyableField';
import { Note } from '../ui/Note';
import { ShownOnce } from '../ui/ShownOnce';

/** Client credentials, the one time the API shows the secret, with where to exchange them for a token. */
export function RevealedSecret({ issued, onDone }: { issued: IssuedApplication; onDone: () => void }) {
  return (
    <ShownOnce
      warningTitle="Copy the secret now"
      warning="This is the only time the client secret is shown. Keyport does not keep a copy you can read: if you lose it, rotate the secret."
      onDone={onDone}
    >
      <CopyableField label="Client secret" value={issued.clientSecret} />
      <CopyableField label="Client id" value={issued.clientId} copyName="Copy client id" />
      <CopyableField label="Token endpoint" value={issued.tokenEndpoint} copyName="Copy token endpoint" />
      <Note color="gray" title="Getting a token">
        POST grant_type=client_credentials to the token endpoint with the client id and secret (HTTP Basic), then call the API with the access token
        (Authorization: Bearer) and one of your keys (x-api-key).
      </Note>
    </ShownOnce>
  );
}
