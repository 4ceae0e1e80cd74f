import { beforeEach } from 'vitest';
import { openPortals } from './chromium';

const SNAPSHOT_LIMIT = 6_000;

/**
 * When a browser test fails, print where each open page was: its address, the API refusals it got
 * and its accessibility tree. A timeout alone ("waiting for getByRole(...)") cannot tell a page that
 * moved elsewhere (a 401 ends the session) from one that re-rendered or was slow; this can, from
 * the CI log alone.
 */
beforeEach(({ onTestFailed }) => {
  onTestFailed(async ({ task }) => {
    for (const { page, problems, refusals } of openPortals) {
      const tree = await page
        .locator('body')
        .ariaSnapshot({ timeout: 5_000 })
        .catch((error: unknown) => `(no snapshot: ${String(error)})`);
      const shown = tree.length > SNAPSHOT_LIMIT ? `${tree.slice(0, SNAPSHOT_LIMIT)}\n… (${tree.length - SNAPSHOT_LIMIT} more characters)` : tree;
      console.error(
        [
          `Page open when "${task.name}" failed: ${page.url()}`,
          `refusals: ${refusals.join(', ') || 'none'}`,
          `problems: ${problems.join(' | ') || 'none'}`,
          shown,
        ].join('\n'),
      );
    }
  });
});
