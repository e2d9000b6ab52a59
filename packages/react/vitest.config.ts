import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

export default defineConfig({
  ...sharedTestConfig,
  plugins: [react()],
  test: { ...sharedTestConfig.test, environment: 'happy-dom', include: ['test/**/*.test.{ts,tsx}'] },
});
