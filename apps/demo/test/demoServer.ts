import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const demoDir = fileURLToPath(new URL('..', import.meta.url));
const READY = /LuckyStack demo on http:\/\/localhost:(\d+)/;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 8_000;

/** A demo server process started by {@link startDemo}. */
export interface RunningDemo {
  /** Where the browser goes (loopback). */
  url: string;
  port: number;
  /** Everything the process printed so far. */
  output: () => string;
  /** Sends SIGTERM (the graceful path) and waits for the exit; SIGKILL if it hangs. */
  stop: () => Promise<void>;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Starts the demo with the same command `npm run demo` ends with (`npm run start`), on `port` (0 for a
 * free one), and resolves once it prints its URL. The process gets its own group, so stopping it also
 * stops npm's and tsx's children.
 */
export async function startDemo(port: number): Promise<RunningDemo> {
  const child = spawn('npm', ['run', 'start'], {
    cwd: demoDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`demo did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited (${code}) before it was ready:\n${output}`));
    });
  });
  const stop = async () => {
    if (exited(child) || child.pid === undefined) return;
    const done = once(child, 'exit');
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (!exited(child) && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, STOP_TIMEOUT_MS);
    await done;
    clearTimeout(timer);
  };
  try {
    const actualPort = await ready;
    return { url: `http://127.0.0.1:${actualPort}`, port: actualPort, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
