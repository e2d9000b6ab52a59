import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

export default defineConfig({
  ...sharedTestConfig,
  // svelteTesting's `browser` condition would also reach Node (Vitest passes it as `--conditions`), handing
  // the in-process server `ws`'s browser stub; only the client environment that loads Svelte gets it.
  plugins: [svelte(), svelteTesting({ resolveBrowser: false })],
  environments: { client: { resolve: { conditions: ['browser'] } } },
  test: { ...sharedTestConfig.test, environment: 'happy-dom' },
});
