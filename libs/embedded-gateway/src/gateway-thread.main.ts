// The entry of the embedded gateway's worker thread (started by GatewayThreadHost): builds the
// thread from what the main thread gave it, nothing else. No Nest application here: the thread needs only
// this lib's request path, @keyport/common and @keyport/gateway-decision.
import { workerData } from 'node:worker_threads';
import { GatewayThread, type GatewayThreadData } from './gateway-thread';

const { settings, port, posted } = workerData as GatewayThreadData;
new GatewayThread(settings, port, posted).start();
