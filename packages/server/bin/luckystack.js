#!/usr/bin/env node
// Committed so npm links the command even before the first build; the command itself lives in dist/.
import('../dist/cli.js')
  .then(({ runCli }) => runCli(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
