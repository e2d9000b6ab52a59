import { parseArgs } from 'node:util';
import { generateRoutes } from './generateRoutes';

const usage = `Usage: luckystack routes [srcDir] [--out file] [--ext .js] [--check]

  Writes a typed route manifest from {page}/_api and {page}/_sync files.
  srcDir    the pages folder (default: src)
  --out     the manifest file (default: {srcDir}/routes.gen.ts)
  --ext     extension on import specifiers ('' for bundlers/tsx, '.js' for plain Node ESM)
  --check   exit 1 if the manifest is stale, without writing it`;

/** Runs the `luckystack` command line with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      ext: { type: 'string' },
      check: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const [command, srcDir = 'src'] = positionals;
  if (values.help || command !== 'routes') {
    console.log(usage);
    return values.help ? 0 : 1;
  }
  const result = await generateRoutes({
    srcDir,
    outFile: values.out,
    importExtension: values.ext,
    check: values.check,
  });
  const summary = `${result.api.length} api, ${result.sync.length} sync routes`;
  if (values.check) {
    console.log(
      result.changed ? `${result.outFile} is stale (${summary})` : `${result.outFile} is up to date`,
    );
    return result.changed ? 1 : 0;
  }
  console.log(`${result.changed ? 'Wrote' : 'Unchanged'} ${result.outFile} (${summary})`);
  return 0;
}
