import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestCaller } from '@luckystack/server/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRoutes } from '../src/generateRoutes';

const fixture = fileURLToPath(new URL('./fixtures/src', import.meta.url));
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'luckystack-routes-'));
  await cp(fixture, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('generateRoutes', () => {
  it('builds a manifest of every page, nested pages and the root page included', async () => {
    const result = await generateRoutes({ srcDir: dir });
    expect(result.api).toEqual([
      'health',
      'games/poker/playCard',
      'sandbox/saveCanvas',
      'settings/updateProfile',
    ]);
    expect(result.sync).toEqual(['sandbox/cursorMove', 'sandbox/updateDrawing']);
    expect(result.changed).toBe(true);
    expect(await readFile(path.join(dir, 'routes.gen.ts'), 'utf8')).toBe(result.code);
    expect(result.code).toContain("import * as route0 from './_api/health';");
    expect(result.code).toContain("'sandbox/updateDrawing': { server: route");
  });

  it('writes a module that loads and serves the same keys through the pipeline', async () => {
    await generateRoutes({ srcDir: dir });
    const { routes } = (await import(path.join(dir, 'routes.gen.ts'))) as { routes: never };
    const caller = createTestCaller({ routes });
    expect(await caller.call('/games/poker/playCard' as never, { card: 'ace' } as never)).toEqual({
      status: 'success',
      result: 'played ace',
    });
    expect(await caller.call('/health' as never)).toEqual({ status: 'success', result: 'ok' });
    expect(await caller.call('/settings/updateProfile' as never, { name: 'Ada' } as never)).toMatchObject({
      errorCode: 'UNAUTHORIZED',
    });
  });

  it('is stable: a second run changes nothing, and --check spots a stale manifest', async () => {
    await generateRoutes({ srcDir: dir });
    expect((await generateRoutes({ srcDir: dir, check: true })).changed).toBe(false);
    await writeFile(
      path.join(dir, '_api', 'extra.ts'),
      'export const auth = { login: false };\nexport const main = () => 1;\n',
    );
    expect((await generateRoutes({ srcDir: dir, check: true })).changed).toBe(true);
  });

  it('writes .js specifiers for plain Node ESM when asked', async () => {
    const { code } = await generateRoutes({ srcDir: dir, importExtension: '.js', check: true });
    expect(code).toContain("from './_api/health.js';");
  });

  it('refuses a sync file without a _server or _client suffix, and a route name that cannot be a key', async () => {
    await writeFile(path.join(dir, 'sandbox', '_sync', 'loose.ts'), 'export {};\n');
    await expect(generateRoutes({ srcDir: dir, check: true })).rejects.toThrow(/_server or \{name\}_client/);
    await rm(path.join(dir, 'sandbox', '_sync', 'loose.ts'));
    await writeFile(path.join(dir, '_api', 'constructor.ts'), 'export {};\n');
    await expect(generateRoutes({ srcDir: dir, check: true })).rejects.toThrow(/reserved segment/);
  });
});
