import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

export default defineConfig({
  ...sharedTestConfig,
  test: {
    ...sharedTestConfig.test,
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // No type tests here; `npm run typecheck` checks the demo's types.
    typecheck: { enabled: false },
    // The browser suite drives a real server and Chromium through one story; its steps share state.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
