import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

/** The slow fault-injection suite (`npm run test:faults`): one file at a time, with `gc()` for leak checks. */
export default defineConfig({
  ...sharedTestConfig,
  test: {
    ...sharedTestConfig.test,
    include: ['test/faults/**/*.test.ts'],
    typecheck: { enabled: false },
    execArgv: ['--expose-gc'],
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
