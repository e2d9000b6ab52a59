import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

export default defineConfig({
  ...sharedTestConfig,
  plugins: [vue()],
  test: { ...sharedTestConfig.test, environment: 'happy-dom' },
});
