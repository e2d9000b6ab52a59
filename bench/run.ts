/**
 * The benchmark orchestrator: `node --import tsx run.ts [--quick] [--only=W1,W4] [--no-build]
 * [--tsconfig=path] [--alt-tsconfig=path --alt-label=name] [--cpu-prof] [--no-pin]`. Starts every server and load generator as a child process,
 * prints the figures, writes `results/<timestamp>.json`, and for a full run of every workload
 * `RESULTS.md`, `RESULTS.json` and `RESULTS.svg`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { configureLaunch, killAll, REPO_ROOT } from './lib/BenchChild';
import { ratioChart } from './lib/chart';
import { deleteKeys, redisReachable } from './lib/redis';
import { keptNotes, resultsMarkdown, targetTable, workloadTables } from './lib/report';
import type { Row, RunResult } from './lib/results';
import { snapshotDist } from './lib/snapshot';
import { checkTargets } from './lib/targets';
import {
  fanoutPlans,
  memoryVariants,
  type RedisTarget,
  rpcPlans,
  scaleOutPlans,
} from './workloads/catalogue';
import { runFanoutPlans } from './workloads/fanout';
import { runMemory } from './workloads/memory';
import { FULL, type Profile, QUICK, type WorkloadId } from './workloads/profile';
import { runRpcPlans } from './workloads/rpc';

const BENCH_DIR = join(REPO_ROOT, 'bench');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    tsconfig: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    'no-pin': { type: 'boolean', default: false },
    'alt-tsconfig': { type: 'string' },
    'alt-label': { type: 'string', default: 'alt' },
  },
});

function log(line: string): void {
  console.log(`[bench] ${line}`);
}

function version(name: string, from = REPO_ROOT): string {
  const path = createRequire(join(from, 'package.json')).resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

function describePackages(tsconfig: string | undefined): string {
  let revision = 'unknown revision';
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT }).toString().trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--', 'packages'], { cwd: REPO_ROOT }).length > 0;
    revision = `${sha}${dirty ? ' + uncommitted changes in packages/' : ''}`;
  } catch {
    // Not a git checkout: the revision stays unknown.
  }
  const luckystack = tsconfig
    ? `resolved through \`${tsconfig}\``
    : 'the built dist, copied at the start of the run';
  const others = [
    ['socket.io', REPO_ROOT],
    ['socket.io-client', REPO_ROOT],
    ['ws', BENCH_DIR],
    ['@feathersjs/feathers', REPO_ROOT],
    ['@trpc/server', REPO_ROOT],
    ['zod', REPO_ROOT],
    ['ioredis', REPO_ROOT],
    ['@socket.io/redis-adapter', REPO_ROOT],
  ] as const;
  return `LuckyStack ${revision} (${luckystack}); ${others.map(([name, from]) => `${name} ${version(name, from)}`).join(', ')}`;
}

function selectProfile(): Profile {
  const base = args.quick ? QUICK : FULL;
  if (!args.only) return base;
  const only = args.only.split(',').map((id) => id.trim().toUpperCase()) as WorkloadId[];
  return { ...base, workloads: FULL.workloads.filter((id) => only.includes(id)) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const profile = selectProfile();
  // Children run from the repository root, so a path given from here is made absolute.
  let tsconfig = args.tsconfig && resolve(args.tsconfig);
  if (!tsconfig) {
    if (!args['no-build']) {
      log('building @luckystack/server and @luckystack/client (turbo; cached when unchanged)');
      const build = spawnSync(
        join(REPO_ROOT, 'node_modules/.bin/turbo'),
        [
          'run',
          'build',
          '--filter=@luckystack/server',
          '--filter=@luckystack/client',
          '--output-logs=errors-only',
        ],
        { cwd: REPO_ROOT, stdio: 'inherit' },
      );
      if (build.status !== 0)
        throw new Error('The build failed; fix it, or pass --no-build to measure the last dist');
    }
    tsconfig = snapshotDist(REPO_ROOT, BENCH_DIR);
  }
  const launch = configureLaunch({
    pin: !args['no-pin'],
    tsconfig,
    profileDir: args['cpu-prof'] ? join(BENCH_DIR, 'profiles') : undefined,
  });

  const skipped: string[] = [];
  let redis: RedisTarget | undefined;
  if (profile.workloads.some((id) => id === 'W6' || id === 'W7')) {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    if (await redisReachable(url)) {
      redis = { url, prefix: `luckybench-${process.pid}-${Date.now()}` };
    } else {
      const message = `Redis not reachable at ${url}: workloads 6 and 7 skipped`;
      console.log(`[bench] ${message}`);
      skipped.push(message);
    }
  }

  const altTsconfig = args['alt-tsconfig'];
  const alternative = altTsconfig ? { tsconfig: resolve(altTsconfig), label: args['alt-label'] } : undefined;
  log(`${profile.name} run: ${profile.workloads.join(', ')}; ${launch.pin ? 'pinned' : 'not pinned'}`);
  const rows: Row[] = [];
  try {
    rows.push(...(await runRpcPlans(rpcPlans(profile, redis, alternative), profile, log)));
    rows.push(...(await runFanoutPlans(fanoutPlans(profile, alternative), profile, log)));
    rows.push(...(await runMemory('W5', memoryVariants(profile, alternative), profile, log)));
    rows.push(...(await runFanoutPlans(scaleOutPlans(profile, redis, alternative), profile, log)));
  } finally {
    killAll();
    if (redis) await deleteKeys(redis.url, redis.prefix);
  }

  const command = args.quick ? 'npm run bench:quick' : 'npm run bench';
  const extra = process.argv.slice(2).filter((arg) => arg !== '--quick');
  const result: RunResult = {
    profile: profile.name,
    command: extra.length > 0 ? `${command} -- ${extra.join(' ')}` : command,
    startedAt: new Date(started).toISOString(),
    durationS: (Date.now() - started) / 1000,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      pinned: launch.pin,
      packages: describePackages(args.tsconfig),
    },
    skipped,
    rows,
  };
  const checks = checkTargets(rows);
  mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  const file = join(BENCH_DIR, 'results', `${result.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, json);
  console.log(`\n${workloadTables(result)}\n\n### Targets\n\n${targetTable(checks)}\n`);
  log(`${Math.round(result.durationS)} s; figures in ${file}`);

  if (profile.name === 'full' && !args.only && !alternative) {
    const markdownFile = join(BENCH_DIR, 'RESULTS.md');
    let previous: string | undefined;
    try {
      previous = readFileSync(markdownFile, 'utf8');
    } catch {
      previous = undefined;
    }
    writeFileSync(join(BENCH_DIR, 'RESULTS.json'), json);
    writeFileSync(join(BENCH_DIR, 'RESULTS.svg'), ratioChart(checks, 'LuckyStack ÷ baseline, same run'));
    writeFileSync(markdownFile, resultsMarkdown(result, checks, keptNotes(previous), 'RESULTS.svg'));
    // The repository's formatter owns the layout of committed files (it pads Markdown tables).
    spawnSync(
      join(REPO_ROOT, 'node_modules/.bin/biome'),
      ['format', '--write', markdownFile, join(BENCH_DIR, 'RESULTS.json')],
      { cwd: REPO_ROOT, stdio: 'ignore' },
    );
    log('wrote RESULTS.md, RESULTS.json and RESULTS.svg');
  }
}

process.on('SIGINT', () => {
  killAll();
  process.exit(130);
});

main().catch((error: unknown) => {
  console.error(error);
  killAll();
  process.exit(1);
});
