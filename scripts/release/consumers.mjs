// The consumer projects: each installs the packed tarballs (never workspace links) with pinned peers into a
// fresh folder outside the repository, then runs as a user's app would.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec } from './exec.mjs';
import { tarballsFor } from './pack.mjs';
import { pinned } from './pins.mjs';

const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'consumers');
/** Type-checkers and builds are CPU-bound and heavy (seconds, hundreds of MB): a slow machine gets time. */
const STEP_TIMEOUT_MS = 300_000;

/** Runs at most `slots` tasks at once; the others wait their turn in order. */
function limiter(slots) {
  let running = 0;
  const waiting = [];
  return async (task) => {
    if (running < slots) running += 1;
    else await new Promise((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next task, so no newcomer slips in between.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

// Installs wait on the network and all run at once; the consumers' own steps share the cores.
const cpuSlot = limiter(availableParallelism());

const node = (...args) => ['node', args];
const viteBuild = node('node_modules/vite/bin/vite.js', 'build');

/** Fails unless the built bundle holds every one of `names`, i.e. the binding's code made it in. */
const bundleHolds = (names) => (dir) => {
  const assets = path.join(dir, 'dist', 'assets');
  const code = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(path.join(assets, file), 'utf8'))
    .join('\n');
  const missing = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(code));
  if (missing.length > 0) throw new Error(`the bundle lacks ${missing.join(', ')}`);
};

/** The peers and type tools every browser app below installs beside its framework's. */
const BROWSER_APP = ['socket.io-client', 'vite', 'typescript', '@types/node', 'socket.io'];

/**
 * One consumer project per kind: the template folders copied into it (later ones on top), the packages a
 * user would install (their `@luckystack/*` dependencies' tarballs come along), the pinned peers, the
 * commands it runs and a last check. The browser apps import the server's route table for its types only,
 * so they install `@luckystack/server` and `socket.io` for type-checking, not for the bundle.
 */
export const CONSUMERS = [
  {
    kind: 'node',
    templates: ['node'],
    packages: ['@luckystack/core', '@luckystack/client', '@luckystack/server'],
    peers: ['socket.io', 'socket.io-client', 'zod'],
    steps: [node('server.mjs'), node('require.cjs'), ['node_modules/.bin/luckystack', ['--help']]],
  },
  {
    kind: 'typescript',
    templates: ['typescript'],
    packages: ['@luckystack/core', '@luckystack/client', '@luckystack/server'],
    peers: [
      'socket.io',
      'socket.io-client',
      'zod',
      'ioredis',
      '@socket.io/redis-adapter',
      'typescript',
      '@types/node',
    ],
    steps: [node('node_modules/typescript/bin/tsc', '-p', '.'), node('redis.mjs')],
  },
  {
    kind: 'react',
    templates: ['app-routes', 'react'],
    packages: ['@luckystack/client', '@luckystack/react', '@luckystack/server'],
    peers: [...BROWSER_APP, 'react', 'react-dom', '@types/react', '@types/react-dom', '@vitejs/plugin-react'],
    steps: [node('node_modules/typescript/bin/tsc', '-p', '.'), viteBuild],
    verify: bundleHolds(['LuckyProvider', 'useSyncEvents', 'LuckyClient']),
  },
  {
    kind: 'vue',
    templates: ['app-routes', 'vue'],
    packages: ['@luckystack/client', '@luckystack/vue', '@luckystack/server'],
    peers: [...BROWSER_APP, 'vue', 'vue-tsc', '@vitejs/plugin-vue'],
    steps: [node('node_modules/vue-tsc/bin/vue-tsc.js', '-p', '.'), viteBuild],
    verify: bundleHolds(['luckyStack', 'useSyncEvents', 'LuckyClient']),
  },
  {
    kind: 'svelte',
    templates: ['app-routes', 'svelte'],
    packages: ['@luckystack/client', '@luckystack/svelte', '@luckystack/server'],
    peers: [...BROWSER_APP, 'svelte', 'svelte-check', '@sveltejs/vite-plugin-svelte'],
    steps: [
      node(
        'node_modules/svelte-check/bin/svelte-check',
        '--tsconfig',
        './tsconfig.json',
        '--fail-on-warnings',
      ),
      viteBuild,
    ],
    verify: bundleHolds(['setLuckyClient', 'useSyncEvents', 'LuckyClient']),
  },
];

/**
 * Fails unless every `@luckystack/*` package in the install, nested ones too, came from a local tarball
 * (not a workspace link, not the registry), and each of `names` is among them.
 */
function assertFromTarballs(dir, names) {
  const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
  const installed = Object.entries(lock.packages).filter(([where]) =>
    /(^|\/)node_modules\/@luckystack\/[^/]+$/.test(where),
  );
  for (const [where, entry] of installed) {
    if (entry.link || !/^file:.*\.tgz$/.test(entry.resolved ?? '')) {
      throw new Error(`${where} is not from a tarball (resolved: ${entry.resolved}, link: ${!!entry.link})`);
    }
  }
  const top = new Set(installed.map(([where]) => where));
  const missing = names.filter((name) => !top.has(`node_modules/${name}`));
  if (missing.length > 0) throw new Error(`not installed: ${missing.join(', ')}`);
}

/**
 * Copies `consumer`'s templates to `workDir/{kind}`, installs it, runs its steps and checks; resolves with
 * the seconds the install and the steps took.
 */
export async function runConsumer(consumer, { packages, tarballs, workDir }) {
  const dir = path.join(workDir, consumer.kind);
  for (const template of consumer.templates) {
    cpSync(path.join(TEMPLATES, template), dir, { recursive: true });
  }
  const started = performance.now();
  await exec(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      ...tarballsFor(consumer.packages, packages, tarballs),
      ...pinned(consumer.peers),
    ],
    { cwd: dir, timeoutMs: 240_000 },
  );
  const installed = performance.now();
  assertFromTarballs(dir, consumer.packages);
  // Timed inside the slot: the time spent waiting for a core is not the consumer's.
  const run = await cpuSlot(async () => {
    const begun = performance.now();
    for (const [command, args] of consumer.steps) {
      await exec(command, args, { cwd: dir, timeoutMs: STEP_TIMEOUT_MS });
    }
    return (performance.now() - begun) / 1000;
  });
  consumer.verify?.(dir);
  return { install: (installed - started) / 1000, run };
}
