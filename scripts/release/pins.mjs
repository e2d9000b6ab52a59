// The exact versions the repository itself builds and tests with, so consumers install the same ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { publishedPackages, ROOT } from './workspace.mjs';

/** `name@version` for each of `names`, at the version pinned in the root's or a package's devDependencies. */
export function pinned(names) {
  const manifests = [
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')),
    ...publishedPackages().map((pkg) => pkg.manifest),
  ];
  return names.map((name) => {
    const versions = new Set(manifests.map((manifest) => manifest.devDependencies?.[name]).filter(Boolean));
    if (versions.size !== 1) {
      throw new Error(
        `${name}: expected one pinned devDependency version in the repo, found [${[...versions]}]`,
      );
    }
    return `${name}@${[...versions][0]}`;
  });
}
