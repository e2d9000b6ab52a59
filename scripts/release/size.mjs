// Measures the client-side packages as a browser app pays for them (min+gzip) and checks them against
// size-budget.json. Run alone (`node scripts/release/size.mjs`, after a build) for the README's table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { publishedPackages } from './workspace.mjs';

const BUDGET_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'size-budget.json');

/** Bytes of `entry` bundled and minified with `external` left out, raw and gzipped. */
async function bundleSize(entry, external) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    // A bare name and its subpaths (`react/jsx-runtime`, `svelte/store`) are both the peer's.
    external: external.flatMap((name) => [name, `${name}/*`]),
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/**
 * Sizes of every budgeted package's ESM entry: `total` bundles its `@luckystack/*` dependencies (what an
 * app adds by installing it), `own` leaves them out. Peers are always left out. Needs a build.
 */
export async function measureSizes() {
  const { budgets } = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));
  const packages = new Map(publishedPackages().map((pkg) => [pkg.name, pkg]));
  const rows = [];
  for (const [name, budget] of Object.entries(budgets)) {
    const pkg = packages.get(name);
    if (!pkg) throw new Error(`size-budget.json names ${name}, which is not a published package`);
    const entry = path.join(pkg.dir, pkg.manifest.exports['.'].import.default);
    const peers = Object.keys(pkg.manifest.peerDependencies ?? {});
    const internal = Object.keys(pkg.manifest.dependencies ?? {}).filter((dep) => packages.has(dep));
    const total = await bundleSize(entry, peers);
    const own = await bundleSize(entry, [...peers, ...internal]);
    rows.push({ name, total, own, budget });
  }
  return rows;
}

/** The rows over budget, as messages. */
export function overBudget(rows) {
  return rows
    .filter((row) => row.total.gzip > row.budget)
    .map((row) => `${row.name}: ${row.total.gzip} B min+gzip, budget ${row.budget} B`);
}

const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;

/** The sizes as a Markdown table. */
export function sizeTable(rows) {
  const lines = [
    '| package | min+gzip | min | own code only (min+gzip) | budget (min+gzip) |',
    '| --- | --: | --: | --: | --: |',
  ];
  for (const { name, total, own, budget } of rows) {
    lines.push(`| \`${name}\` | ${kB(total.gzip)} | ${kB(total.min)} | ${kB(own.gzip)} | ${kB(budget)} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await measureSizes();
  console.log(sizeTable(rows));
  const over = overBudget(rows);
  for (const message of over) console.error(`over budget: ${message}`);
  process.exitCode = over.length > 0 ? 1 : 0;
}
