import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Records a suite's figures in `.figures/{suite}.json` of the package under test, for the one summary line
 * `scripts/test-summary.mjs` prints after the run.
 */
export function recordFigures(suite: string, figures: Record<string, number>): void {
  const dir = path.join(process.cwd(), '.figures');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${suite}.json`), JSON.stringify(figures));
}
