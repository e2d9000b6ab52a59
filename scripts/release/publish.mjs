// `npm publish --dry-run` for one package: npm's own last word on what would be published.
import { exec } from './exec.mjs';

// npm 11 asks the registry even in a dry run and refuses a version it already has; `changeset publish`
// skips those versions too, so after a release the check reports them instead of failing.
const ALREADY_PUBLISHED = /cannot publish over the previously published versions/;

/** Dry-runs the publish of `pkg`; resolves with a line for the report. */
export async function dryRunPublish(pkg) {
  const id = `${pkg.name}@${pkg.manifest.version}`;
  try {
    const output = await exec('npm', ['publish', '--dry-run'], { cwd: pkg.dir });
    if (!output.includes(`+ ${id}`))
      throw new Error(`npm publish --dry-run did not report ${id}:\n${output}`);
    return id;
  } catch (error) {
    if (ALREADY_PUBLISHED.test(error.message)) return `${id} is on the registry already: skipped`;
    throw error;
  }
}
