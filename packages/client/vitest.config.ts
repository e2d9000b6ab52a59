import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// The slow fault-injection suite runs on its own: `npm run test:faults` (vitest.faults.config.ts).
export default defineConfig({
  ...sharedTestConfig,
  test: { ...sharedTestConfig.test, exclude: ['test/faults/**', '**/node_modules/**'] },
});
