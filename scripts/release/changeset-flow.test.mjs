// Applies a sample changeset with the repo's own `changeset version` in a temporary git copy of the
// workspace manifests, and checks what a release would get: one version for the fixed group, internal
// ranges moved to it, and the changeset's line in the CHANGELOGs. Run: `node --test scripts/release/`.
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { exec } from './exec.mjs';
import { publishedPackages, ROOT } from './workspace.mjs';

const SAMPLE_LINE = 'Release-flow sample: a line a user would want to read.';
/** The sample bumps only two packages, one of them by a patch: the fixed group must still move together. */
const SAMPLE_BUMPS = { '@luckystack/core': 'minor', '@luckystack/react': 'patch' };

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const rootManifest = readJson(path.join(ROOT, 'package.json'));
const config = readJson(path.join(ROOT, '.changeset', 'config.json'));
const published = publishedPackages();
const publishedNames = new Set(published.map((pkg) => pkg.name));

/** Every workspace folder (relative to the root) the root's `workspaces` globs name. */
function workspaceDirs() {
  return rootManifest.workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return existsSync(path.join(ROOT, pattern, 'package.json')) ? [pattern] : [];
    const parent = pattern.slice(0, -2);
    return existsSync(path.join(ROOT, parent))
      ? readdirNames(path.join(ROOT, parent))
          .map((name) => `${parent}/${name}`)
          .filter((dir) => existsSync(path.join(ROOT, dir, 'package.json')))
      : [];
  });
}

function readdirNames(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** `major.minor+1.0`, what a minor changeset does to a plain release version. */
function nextMinor(version) {
  const match = /^(\d+)\.(\d+)\.\d+$/.exec(version);
  assert.ok(match, `${version} is a plain release version`);
  return `${match[1]}.${Number(match[2]) + 1}.0`;
}

let copy;
const dirs = workspaceDirs();

before(async () => {
  copy = mkdtempSync(path.join(tmpdir(), 'luckystack-changeset-'));
  for (const file of ['package.json', 'package-lock.json', '.changeset/config.json']) {
    cpSync(path.join(ROOT, file), path.join(copy, file));
  }
  for (const dir of dirs) {
    mkdirSync(path.join(copy, dir), { recursive: true });
    cpSync(path.join(ROOT, dir, 'package.json'), path.join(copy, dir, 'package.json'));
  }
  // The changelog generator named in config.json is resolved from the project, as in the repo.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  writeFileSync(path.join(copy, '.gitignore'), 'node_modules\n');
  const git = (...args) =>
    exec('git', ['-c', 'user.name=release-check', '-c', 'user.email=release-check@localhost', ...args], {
      cwd: copy,
    });
  // `changeset version` reads the git history and needs the configured base branch to exist.
  await git('init', '--quiet', `--initial-branch=${config.baseBranch}`);
  await git('add', '--all');
  await git('-c', 'commit.gpgsign=false', 'commit', '--quiet', '--message', 'workspace manifests');
  const frontMatter = Object.entries(SAMPLE_BUMPS).map(([name, bump]) => `"${name}": ${bump}`);
  writeFileSync(
    path.join(copy, '.changeset', 'release-flow-sample.md'),
    `---\n${frontMatter.join('\n')}\n---\n\n${SAMPLE_LINE}\n`,
  );
  await exec(path.join(ROOT, 'node_modules', '.bin', 'changeset'), ['version'], { cwd: copy });
});

after(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

const versionBefore = published[0].manifest.version;
const versionAfter = nextMinor(versionBefore);
const manifestAfter = (dir) => readJson(path.join(copy, dir, 'package.json'));
const relativeDir = (pkg) => path.relative(ROOT, pkg.dir);

test('the published packages start on one version', () => {
  for (const pkg of published) assert.equal(pkg.manifest.version, versionBefore, pkg.name);
});

test('every package of the fixed group gets the same bumped version, patch-only ones too', () => {
  assert.deepEqual(config.fixed, [['@luckystack/*']]);
  for (const pkg of published) assert.equal(manifestAfter(relativeDir(pkg)).version, versionAfter, pkg.name);
});

test('every internal dependency range, in every workspace, moves to the new version', () => {
  let ranges = 0;
  for (const dir of dirs) {
    const manifest = manifestAfter(dir);
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        if (!publishedNames.has(name)) continue;
        ranges += 1;
        assert.equal(range.replace(/^[\^~]/, ''), versionAfter, `${dir} ${field} ${name}`);
      }
    }
  }
  assert.ok(ranges > 0, 'the workspaces depend on each other');
});

test("the CHANGELOGs get the changeset's line where it applies, and the new version everywhere", () => {
  for (const pkg of published) {
    const changelog = readFileSync(path.join(copy, relativeDir(pkg), 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, new RegExp(`^## ${versionAfter.replaceAll('.', '\\.')}$`, 'm'), pkg.name);
    assert.equal(changelog.includes(`- ${SAMPLE_LINE}`), pkg.name in SAMPLE_BUMPS, pkg.name);
  }
});

test('the applied changeset file is consumed', () => {
  assert.equal(existsSync(path.join(copy, '.changeset', 'release-flow-sample.md')), false);
});
