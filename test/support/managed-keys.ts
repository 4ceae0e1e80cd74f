import { KeysRepository } from '../../libs/keys/src/keys.repository';
import { eventually, gatewayCaughtUp } from './gateway-journey';
import { type KeyportHarness } from './keyport-harness';

/** Waits until the application's managed key is provisioned and the embedded gateway holds it; its id. */
export async function managedKeyReady(harness: KeyportHarness, applicationId: string): Promise<string> {
  // Read from the keys' repository: no route shows a managed key (it is hidden from GET /v1/keys).
  const keys = harness.app.get(KeysRepository);
  let keyId = '';
  await eventually(async () => {
    const found = await keys.liveManaged(applicationId);
    keyId = found?.key.id ?? '';
    return found?.key.status === 'ACTIVE';
  }, 30_000);
  if (harness.gatewayUrl) await gatewayCaughtUp(harness);
  return keyId;
}
