import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_LOG_DIR } from './support/keyport-harness';
import { findSecrets } from './support/secret-patterns';

/**
 * Runs after every other suite (its own group in vitest.config.mts) and reads the logs of every
 * app they started: every line JSON, request lines carrying a request id, and no secret anywhere.
 */
describe('logs of the whole test run', () => {
  it('hold no token, password, key value or Stripe secret, and every request line has a request id', async () => {
    const files = (await readdir(TEST_LOG_DIR).catch(() => [] as string[])).filter((name) => name.endsWith('.log'));
    expect(files.length, `no logs in ${TEST_LOG_DIR}: run the whole suite`).toBeGreaterThan(0);
    let requestLines = 0;
    const findings: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(TEST_LOG_DIR, file), 'utf8');
      findings.push(...findSecrets(text).map((finding) => `${file} ${finding}`));
      for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        expect(entry).toHaveProperty('level');
        if (entry.msg === 'request' || entry.msg === 'request failed') {
          requestLines += 1;
          expect(entry.requestId).toEqual(expect.any(String));
        }
      }
    }
    expect(findings).toEqual([]);
    // The suites made thousands of requests; if almost none were logged, the capture is broken.
    expect(requestLines).toBeGreaterThan(100);
  });
});
