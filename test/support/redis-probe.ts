import { answersNow } from './answers-now';

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

const PING = `
const socket = require('node:net').connect(Number(process.argv[2]), process.argv[1], () => socket.write('PING\\r\\n'));
socket.setTimeout(1000, () => process.exit(1));
socket.once('error', () => process.exit(1));
socket.once('data', (data) => process.exit(String(data).startsWith('+PONG') ? 0 : 1));
`;

/** Whether the machine's Redis answers (CI starts it; a fresh laptop may have none), known before the suite is collected. */
export function redisAnswers(host = '127.0.0.1', port = 6379): boolean {
  return answersNow(PING, [host, String(port)]);
}
