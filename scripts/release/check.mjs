// release:check: proves the packages install and work as a user meets them. Builds, lints the package
// shapes, checks bundle budgets and the changesets flow, packs every package, dry-runs the publish, then
// installs the tarballs into fresh consumer projects outside the repository and runs them.
// `--keep` leaves the temporary folder in place for a look.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONSUMERS, runConsumer } from './consumers.mjs';
import { exec } from './exec.mjs';
import { packAll } from './pack.mjs';
import { dryRunPublish } from './publish.mjs';
import { checkReadmes } from './readmes.mjs';
import { measureSizes, overBudget, sizeTable } from './size.mjs';
import { publishedPackages, ROOT } from './workspace.mjs';

const keep = process.argv.includes('--keep');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs one named step, printing its time and what it reports; a failure stops the check. */
async function step(name, run) {
  const started = performance.now();
  const details = await run();
  console.log(`✓ ${name} (${seconds(started)})`);
  if (details) console.log(`  ${details.replaceAll('\n', '\n  ')}`);
}

const started = performance.now();
const workDir = mkdtempSync(path.join(tmpdir(), 'luckystack-release-'));
try {
  // Read once: the names and versions every later step builds, packs, publishes and installs.
  const packages = publishedPackages();
  // Only what is published: the private apps have builds of their own that this check does not judge.
  const filters = packages.map((pkg) => `--filter=${pkg.name}`);
  let tarballs;

  await step('build, publint --strict, attw --pack (turbo: build check:package)', () =>
    exec(bin('turbo'), ['run', 'build', 'check:package', '--output-logs=errors-only', ...filters], {
      cwd: ROOT,
      timeoutMs: 300_000,
    }).then(() => packages.map((pkg) => `${pkg.name}@${pkg.manifest.version}`).join(', ')),
  );

  await step('bundle sizes within size-budget.json', async () => {
    const rows = await measureSizes();
    const over = overBudget(rows);
    if (over.length > 0) throw new Error(`over budget:\n${over.join('\n')}`);
    return sizeTable(rows);
  });

  await step('READMEs', () => checkReadmes(packages));

  await step('changeset version flow (node --test changeset-flow.test.mjs)', () =>
    exec('node', ['--test', path.join('scripts', 'release', 'changeset-flow.test.mjs')], { cwd: ROOT }).then(
      (output) => output.match(/^# (pass|fail) \d+$/gm)?.join(', '),
    ),
  );

  await step('npm pack', async () => {
    const destination = path.join(workDir, 'tarballs');
    mkdirSync(destination);
    tarballs = await packAll(packages, destination);
    return [...tarballs.values()].map((file) => path.basename(file)).join(', ');
  });

  await step('npm publish --dry-run', async () =>
    (await Promise.all(packages.map(dryRunPublish))).join(', '),
  );

  await step(`consumers from the tarballs (${CONSUMERS.map((c) => c.kind).join(', ')})`, async () => {
    // allSettled: every consumer finishes before the folder they run in is removed.
    const results = await Promise.allSettled(
      CONSUMERS.map((consumer) => runConsumer(consumer, { packages, tarballs, workDir })),
    );
    const failures = results.flatMap((result, index) =>
      result.status === 'rejected' ? [`consumer ${CONSUMERS[index].kind}: ${result.reason.message}`] : [],
    );
    if (failures.length > 0) throw new Error(failures.join('\n'));
    const timings = results.map(
      ({ value }, index) =>
        `${CONSUMERS[index].kind}: install ${value.install.toFixed(1)} s, run ${value.run.toFixed(1)} s`,
    );
    return timings.join('\n');
  });

  console.log(`release:check passed in ${seconds(started)}`);
} catch (error) {
  console.error(`✗ ${error.message}`);
  console.error(`release:check failed after ${seconds(started)}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`kept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}
