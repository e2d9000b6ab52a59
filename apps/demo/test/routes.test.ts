import { fileURLToPath } from 'node:url';
import { generateRoutes } from '@luckystack/server';
import { describe, expect, it } from 'vitest';

describe('src/routes.gen.ts', () => {
  it('is what the generator makes of the src/{page}/_api and _sync files (luckystack routes --check)', async () => {
    const result = await generateRoutes({
      srcDir: fileURLToPath(new URL('../src', import.meta.url)),
      check: true,
    });
    expect(result.changed).toBe(false);
    expect(result.api).toEqual(['login/login', 'room/history', 'settings/updateProfile']);
    expect(result.sync).toEqual(['room/bye', 'room/chat', 'room/cursorMove', 'room/hello']);
  });
});
