// Packs every published package with `npm pack` and checks what each tarball holds.
import path from 'node:path';
import { exec } from './exec.mjs';
import { ROOT } from './workspace.mjs';

/** Files every tarball must hold besides its build output (npm adds README and LICENSE when present). */
const REQUIRED = ['package.json', 'README.md', 'LICENSE'];
/** Folders that must never ship: sources and tests stay in the repository. */
const FORBIDDEN = /^(src|test|node_modules)\//;

/** Packs `packages` into `destination`; returns each package's tarball path by name. */
export async function packAll(packages, destination) {
  const stdout = await exec(
    'npm',
    [
      'pack',
      '--json',
      '--pack-destination',
      destination,
      ...packages.map((pkg) => `--workspace=${pkg.name}`),
    ],
    { cwd: ROOT },
  );
  const tarballs = new Map();
  for (const packed of JSON.parse(stdout)) {
    const files = packed.files.map((file) => file.path);
    const missing = REQUIRED.filter((file) => !files.includes(file));
    const leaked = files.filter((file) => FORBIDDEN.test(file));
    if (missing.length > 0 || leaked.length > 0 || !files.some((file) => file.startsWith('dist/'))) {
      throw new Error(
        `${packed.name}: tarball lacks [${missing.join(', ')}] or ships [${leaked.join(', ')}]; has ${files.join(', ')}`,
      );
    }
    tarballs.set(packed.name, path.join(destination, packed.filename));
  }
  return tarballs;
}

/** The tarballs `names` need: theirs plus, transitively, every `@luckystack/*` dependency's. */
export function tarballsFor(names, packages, tarballs) {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const needed = new Set();
  const visit = (name) => {
    if (needed.has(name)) return;
    const pkg = byName.get(name);
    if (!pkg) throw new Error(`${name} is not a published package of this repository`);
    needed.add(name);
    for (const dependency of Object.keys(pkg.manifest.dependencies ?? {})) {
      if (byName.has(dependency)) visit(dependency);
    }
  };
  for (const name of names) visit(name);
  return [...needed].map((name) => tarballs.get(name));
}
