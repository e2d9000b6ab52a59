// The packages' READMEs against what ships: each has its install line, and the server's names every
// setting the built server has a default for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SERVER = '@luckystack/server';

/** Setting paths the README does not name in backticks: `key`, or else each sub-key (`limits.rate`). */
function undocumented(readme, settings, prefix = '') {
  return Object.entries(settings).flatMap(([key, value]) => {
    const name = `${prefix}${key}`;
    if (readme.includes(`\`${name}\``)) return [];
    const nested = typeof value === 'object' && value !== null && !Array.isArray(value);
    return nested ? undocumented(readme, value, `${name}.`) : [name];
  });
}

/** Fails unless every README installs its package and the server's names every `DEFAULT_CONFIG` setting. Needs a build. */
export async function checkReadmes(packages) {
  const problems = [];
  for (const pkg of packages) {
    const readme = readFileSync(path.join(pkg.dir, 'README.md'), 'utf8');
    if (!readme.includes(`npm install ${pkg.name}`))
      problems.push(`${pkg.name}: no \`npm install ${pkg.name}\``);
    if (pkg.name !== SERVER) continue;
    const entry = pathToFileURL(path.join(pkg.dir, pkg.manifest.exports['.'].import.default));
    const { DEFAULT_CONFIG } = await import(entry.href);
    const missing = undocumented(readme, DEFAULT_CONFIG);
    if (missing.length > 0) problems.push(`${SERVER}: its README lacks the settings ${missing.join(', ')}`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return `${packages.length} READMEs with their install line; ${SERVER}'s covers every DEFAULT_CONFIG setting`;
}
