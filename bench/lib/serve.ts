import { once } from 'node:events';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { answerRequests, sendEvent } from './childChannel';

/** A started server: its port on 127.0.0.1, and how to close it. */
export interface RunningServer {
  port: number;
  close: () => Promise<void>;
}

/** What a server reports about a measured window (from `mark` to `report`). */
export interface ServerReport {
  /** User + system CPU time the server process used in the window, in µs. */
  cpuUs: number;
  elapsedMs: number;
  rss: number;
  heapUsed: number;
}

/** The server's memory after two full garbage collections. */
export interface MemoryReport {
  rss: number;
  heapUsed: number;
  external: number;
}

/** Listens on an ephemeral loopback port and resolves with it. */
export async function listenOnLoopback(server: HttpServer): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** How many benchmark sessions to seed (the `SEED_SESSIONS` env the orchestrator sets). */
export function seedCount(): number {
  return Number(process.env.SEED_SESSIONS ?? 0);
}

async function collectGarbage(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    globalThis.gc?.();
    await nextTurn();
  }
}

/**
 * Runs a benchmark server: starts it, reports `ready` with its port, then measures itself on request:
 * `mark` starts a window, `report` returns the window's CPU time and memory, `memory` the memory after GC.
 */
export async function serve(start: () => Promise<RunningServer>): Promise<void> {
  const server = await start();
  let cpuAtMark = process.cpuUsage();
  let markedAt = performance.now();
  answerRequests({
    mark: () => {
      cpuAtMark = process.cpuUsage();
      markedAt = performance.now();
    },
    report: (): ServerReport => {
      const cpu = process.cpuUsage(cpuAtMark);
      const memory = process.memoryUsage();
      return {
        cpuUs: cpu.user + cpu.system,
        elapsedMs: performance.now() - markedAt,
        rss: memory.rss,
        heapUsed: memory.heapUsed,
      };
    },
    memory: async (): Promise<MemoryReport> => {
      await collectGarbage();
      const { rss, heapUsed, external } = process.memoryUsage();
      return { rss, heapUsed, external };
    },
    stop: () => server.close(),
  });
  sendEvent('ready', { port: server.port });
}
