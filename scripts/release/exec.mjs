// Runs a command to completion with a time limit, keeping its output for the report when it fails.
import { spawn } from 'node:child_process';

const TAIL_LINES = 80;

/**
 * Runs `command args` in `cwd`; resolves with its stdout, rejects (with the output's tail) on a non-zero
 * exit, a signal, or when `timeoutMs` passes.
 */
export function exec(command, args, { cwd, timeoutMs = 120_000, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: env ? { ...process.env, ...env } : process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(stdout);
      const why = signal ? `killed by ${signal} (limit ${timeoutMs / 1000} s)` : `exit code ${code}`;
      const tail = output.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
      reject(new Error(`${command} ${args.join(' ')} (in ${cwd ?? process.cwd()}): ${why}\n${tail}`));
    });
  });
}
