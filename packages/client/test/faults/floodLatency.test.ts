import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../../../../testing/figures';
import { type Harness, startServer } from '../../../../testing/harness';
import { hostileRoutes } from '../hostile/hostile.fixture';
import { p99 } from '../hostile/rawCall';

// Latency under load is measured here, in the sequential fault suite, not beside other test files.
let harness: Harness;
let floodRatio = Number.NaN;
afterAll(async () => {
  recordFigures('flood', { p99Ratio: floodRatio });
  await harness?.close();
});

describe('a flood from another process', () => {
  it('keeps other clients’ p99 within 2× of the quiet run while one socket floods from another process', async () => {
    harness = await startServer({ routes: hostileRoutes });
    const quiet = await harness.connectRaw();
    await p99(quiet, 100, 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const quietP99 = await p99(quiet, 300);
    const flooder = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../../../../testing/flooder.ts', import.meta.url))],
      {
        env: { ...process.env, FLOOD_URL: harness.url, FLOOD_MS: '6000' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise((resolve) => flooder.once('exit', resolve));
    const lines = createInterface({ input: flooder.stdout! });
    const messages: Record<string, number | boolean>[] = [];
    const started = new Promise<void>((resolve) =>
      lines.on('line', (line) => {
        messages.push(JSON.parse(line));
        if (messages.length === 1) resolve();
      }),
    );
    await started;
    // As long as the flooder runs (6 s): it is dropped within tens of ms, and that spike must stay under 1%.
    const floodP99 = await p99(quiet, 300);
    await exited;
    const summary = messages.at(-1)!;
    // A floor of 1 ms: below it the ratio measures timer jitter, not the server.
    floodRatio = floodP99 / Math.max(quietP99, 1);
    console.log(
      `[hostile] flood: quiet p99 ${quietP99.toFixed(2)} ms, under flood ${floodP99.toFixed(2)} ms, flooder ${JSON.stringify(summary)}`,
    );
    // The flooder hears RATE_LIMITED first, then is closed; the quiet client barely notices.
    expect(summary.limited as number).toBeGreaterThan(0);
    expect(summary.droppedAfterMs as number).toBeGreaterThanOrEqual(0);
    expect(summary.answered as number).toBeLessThan(summary.sent as number);
    expect(floodRatio).toBeLessThanOrEqual(2);
  }, 120_000);
});
