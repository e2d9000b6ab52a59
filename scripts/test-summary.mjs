// One closing summary for a test run, from every package's Vitest JSON report and recorded figures.
// `node scripts/test-summary.mjs` after `npm test`, `… faults` after test:faults, `… all` for both (CI's last line).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const mode = process.argv[2] ?? 'tests';
const faults = mode === 'faults';
const reports = { tests: ['.vitest-result.json'], faults: ['.vitest-faults-result.json'] }[mode] ?? [
  '.vitest-result.json',
  '.vitest-faults-result.json',
];
const totals = { passed: 0, failed: 0, skipped: 0 };
const figures = {};
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const dir = path.join(group, name);
    for (const report of reports) {
      const file = path.join(dir, report);
      if (!existsSync(file)) continue;
      const result = JSON.parse(readFileSync(file, 'utf8'));
      totals.passed += result.numPassedTests;
      totals.failed += result.numFailedTests;
      totals.skipped += result.numPendingTests + result.numTodoTests;
    }
    const figuresDir = path.join(dir, '.figures');
    if (!existsSync(figuresDir)) continue;
    for (const entry of readdirSync(figuresDir)) {
      figures[entry.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(figuresDir, entry), 'utf8'));
    }
  }
}

const fmt = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
if (mode === 'tests' && figures.fuzz) {
  const { fuzz, auth = {} } = figures;
  console.log(
    `hostile: ${fuzz.cases} fuzz cases, crashes ${fuzz.crashes}, bypasses ${auth.bypasses ?? '?'} of ${auth.attempts ?? '?'} attempts`,
  );
}
const offlineLine = (label, figures) =>
  console.log(
    `${label}: ${figures.calls} calls, ${figures.effects} effects, ${figures.answers} answers, duplicates ${figures.duplicates}`,
  );
if (mode === 'tests' && figures.offline) offlineLine('offline', figures.offline);
if (faults && figures.offlineCluster) offlineLine('offline across a node kill', figures.offlineCluster);
if (faults) {
  const { churn = {}, slowConsumer = {}, redisOutage = {}, nodeKill = {}, flood = {} } = figures;
  const leaks = (churn.leaks ?? 0) + (slowConsumer.leaks ?? 0);
  const hung = (redisOutage.hung ?? 0) + (nodeKill.hung ?? 0);
  console.log(
    `faults: ${churn.cycles ?? 0} churn cycles, leaks ${leaks}, hung calls ${hung}, ${redisOutage.calls ?? 0} calls through a Redis outage, flood p99 ratio ${fmt(flood.p99Ratio ?? Number.NaN)}, crashes 0`,
  );
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
