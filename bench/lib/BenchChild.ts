import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChannelMessage } from './messages';

/** The repository root: children run from here, resolving `@luckystack/*` through the run's tsconfig. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

/** How every child of this run is launched. */
export interface LaunchSettings {
  /** Pin children to cores with `taskset` (servers on core 0, load on core 1). */
  pin: boolean;
  /** The tsconfig whose `paths` tsx applies: the dist snapshot's, or e.g. `tsconfig.base.json` for source. */
  tsconfig: string | undefined;
  /** Write a `--cpu-prof` profile of every child process here (named after the child). */
  profileDir: string | undefined;
}

const launch: LaunchSettings = { pin: false, tsconfig: undefined, profileDir: undefined };
const running = new Set<BenchChild>();

/** Sets how children are launched; `pin` is dropped when `taskset` is missing. */
export function configureLaunch(settings: LaunchSettings): LaunchSettings {
  const hasTaskset = spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
  Object.assign(launch, settings, { pin: settings.pin && hasTaskset });
  // The orchestrator mostly waits; on the load core it cannot steal time from the server.
  if (launch.pin) spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
  return { ...launch };
}

/** Options of {@link BenchChild.start}. */
export interface StartOptions {
  /** Shown in errors. */
  name: string;
  /** The core to pin to when pinning is on: 0 for servers, 1 for load. */
  core: 0 | 1;
  env?: Record<string, string>;
  /** Whether this is a server (gets `--expose-gc`, so it can be weighed after a full GC). */
  server?: boolean;
  /** Resolve `@luckystack/*` through this tsconfig instead of the run's (a candidate fix, say). */
  tsconfig?: string | undefined;
}

interface Pending {
  resolve: (body: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * One server or load process of the benchmark, started with tsx and driven over its IPC channel:
 * {@link request} and its answer, one-way events both ways, and {@link stop}.
 */
export class BenchChild {
  readonly name: string;
  /** Resolves with the body of the child's `ready` event (a server's `{ port }`). */
  readonly ready: Promise<Record<string, unknown>>;
  readonly #process: ChildProcess;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, (body: unknown) => void>();
  #nextId = 0;
  #exited = false;

  private constructor(script: string, options: StartOptions) {
    this.name = options.name;
    const nodeArgs = ['--import', 'tsx'];
    if (options.server) nodeArgs.push('--expose-gc');
    // A directory per child: tsx's loader thread writes a profile of its own beside the main thread's.
    if (launch.profileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${launch.profileDir}/${options.name}`);
    const command = [process.execPath, ...nodeArgs, `${BENCH_DIR}${script}`];
    if (launch.pin) command.unshift('taskset', '-c', String(options.core));
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
    const tsconfig = options.tsconfig ?? launch.tsconfig;
    if (tsconfig) env.TSX_TSCONFIG_PATH = tsconfig;
    else delete env.TSX_TSCONFIG_PATH;
    this.#process = spawn(command[0]!, command.slice(1), {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    running.add(this);
    let markReady: (body: Record<string, unknown>) => void = () => {};
    let failReady: (error: Error) => void = () => {};
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    this.#listeners.set('ready', (body) => markReady((body ?? {}) as Record<string, unknown>));
    this.#process.on('message', (message: ChannelMessage) => this.#onMessage(message));
    this.#process.on('exit', (code, signal) => {
      this.#exited = true;
      running.delete(this);
      const error = new Error(`${this.name} exited (${signal ?? code})`);
      failReady(error);
      for (const pending of this.#pending.values()) {
        clearTimeout(pending.timer);
        pending.reject(error);
      }
      this.#pending.clear();
    });
  }

  /** Starts `script` (relative to bench/) as a child process. */
  static start(script: string, options: StartOptions): BenchChild {
    return new BenchChild(script, options);
  }

  /** Sends a request and resolves with the child's answer; rejects on its error, its exit or a time-out. */
  request<T>(type: string, body?: unknown, timeoutMs = 120_000): Promise<T> {
    if (this.#exited) return Promise.reject(new Error(`${this.name} has exited`));
    const id = ++this.#nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${this.name}: no answer to "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, { resolve: resolve as (body: unknown) => void, reject, timer });
      this.#process.send({ kind: 'request', id, type, body } satisfies ChannelMessage);
    });
  }

  /** Sends a one-way message. */
  send(type: string, body?: unknown): void {
    if (!this.#exited) this.#process.send({ kind: 'event', type, body } satisfies ChannelMessage);
  }

  /** Calls `listener` with every one-way message of `type` from the child. */
  onEvent(type: string, listener: (body: unknown) => void): void {
    this.#listeners.set(type, listener);
  }

  /** Asks the child to stop; kills it (by its own pid) if it has not exited within 5 s. */
  async stop(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise<void>((resolve) => this.#process.once('exit', () => resolve()));
    this.request('stop', undefined, 5_000).catch(() => {});
    const timer = setTimeout(() => this.kill(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /** Ends the child at once. */
  kill(): void {
    if (!this.#exited && this.#process.pid !== undefined) process.kill(this.#process.pid, 'SIGKILL');
  }

  #onMessage(message: ChannelMessage): void {
    if (message.kind === 'event') {
      this.#listeners.get(message.type)?.(message.body);
      return;
    }
    if (message.kind !== 'reply') return;
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.body);
    else pending.reject(new Error(`${this.name}: ${message.error}`));
  }
}

/** Kills every child still running (on Ctrl-C or a failed run). */
export function killAll(): void {
  for (const child of running) child.kill();
}
