import { defineConfig } from 'vitest/config';

// Benchmarks are scripts that print figures, not tests: run one file, print as it goes, no time limit games.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ['bench/**/*.bench.ts'],
    env: {
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    reporters: ['verbose'],
    disableConsoleIntercept: true,
    fileParallelism: false,
  },
});
