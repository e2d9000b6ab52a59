import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Resolves every `@luckystack/*` import to its source so tests need no prior build. */
export const luckyAliases = [
  { find: /^@luckystack\/server\/testing$/, replacement: `${root}packages/server/src/testing/index.ts` },
  { find: /^@luckystack\/server\/redis$/, replacement: `${root}packages/server/src/redis.ts` },
  { find: /^@luckystack\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
];

/** The Vitest settings every package shares; a package's own config spreads this. */
export const sharedTestConfig = {
  resolve: { alias: luckyAliases },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'] },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    restoreMocks: true,
  },
} satisfies ViteUserConfig;
