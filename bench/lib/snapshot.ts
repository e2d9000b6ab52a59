import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGES = ['core', 'server', 'client'] as const;

/** The entry points the benchmark imports, as the packages' `exports` map them. */
const ENTRIES: Record<string, string> = {
  '@luckystack/core': 'core/dist/index.js',
  '@luckystack/server': 'server/dist/index.js',
  '@luckystack/server/redis': 'server/dist/redis.js',
  '@luckystack/client': 'client/dist/index.js',
};

/**
 * Copies the built dist of core, server and client into `bench/.snapshot/` and writes a tsconfig whose
 * `paths` point `@luckystack/*` there; returns that tsconfig. A rebuild elsewhere in the workspace (which
 * empties `dist/` first) then cannot pull the code from under a running benchmark.
 */
export function snapshotDist(repoRoot: string, benchDir: string): string {
  const target = join(benchDir, '.snapshot');
  rmSync(target, { recursive: true, force: true });
  for (const name of PACKAGES) {
    const dist = join(repoRoot, 'packages', name, 'dist');
    if (!existsSync(join(dist, 'index.js'))) throw new Error(`${dist} is not built`);
    mkdirSync(join(target, name), { recursive: true });
    cpSync(dist, join(target, name, 'dist'), { recursive: true });
  }
  const paths = Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, [`./${file}`]]));
  const tsconfig = join(target, 'tsconfig.json');
  writeFileSync(tsconfig, `${JSON.stringify({ compilerOptions: { paths } }, null, 2)}\n`);
  for (const file of Object.values(ENTRIES)) {
    if (!existsSync(join(target, file))) throw new Error(`${file} is missing from the snapshot`);
  }
  return tsconfig;
}
