/**
 * RPC load generator: `connections` clients of one comparator, each with `depth` calls in flight, calling
 * until `maxCalls` calls or `maxMs` have passed; every call's latency goes into a histogram.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLIENTS, type ClientName } from '../clients/registry';
import type { BenchConnection, RpcRoute } from '../clients/types';
import { answerRequests, sendEvent } from '../lib/childChannel';
import { ECHO_DATA, tokenFor } from '../lib/fixtures';
import { Histogram } from '../lib/Histogram';
import { openMany } from './openMany';

/** What the orchestrator passes in `BENCH_LOAD`. */
export interface RpcLoadConfig {
  client: ClientName;
  route: RpcRoute;
  url: string;
  connections: number;
  depth: number;
  /** Log every connection in with a seeded session. */
  withSessions: boolean;
}

/** The bounds of one measured window. */
export interface RpcRunBounds {
  maxMs: number;
  maxCalls: number;
}

/** What one window measured. */
export interface RpcRunResult {
  calls: number;
  errors: number;
  elapsedMs: number;
  p50Us: number;
  p99Us: number;
}

/** How long calls may still be outstanding after the window closes before the run is declared hung. */
const DRAIN_MS = 20_000;

const config = JSON.parse(process.env.BENCH_LOAD!) as RpcLoadConfig;
let connections: BenchConnection[] = [];

async function run({ maxMs, maxCalls }: RpcRunBounds): Promise<RpcRunResult> {
  const histogram = new Histogram();
  let issued = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + maxMs;
  const worker = async (connection: BenchConnection) => {
    while (issued < maxCalls && performance.now() < deadline) {
      issued++;
      const sentAt = performance.now();
      const ok = await connection.call(config.route, ECHO_DATA).catch(() => false);
      histogram.record((performance.now() - sentAt) * 1000);
      if (!ok) errors++;
    }
  };
  const workers = connections.flatMap((connection) =>
    Array.from({ length: config.depth }, () => worker(connection)),
  );
  const hung = sleep(maxMs + DRAIN_MS, undefined, { ref: false }).then(() => {
    throw new Error(`calls still unanswered ${DRAIN_MS} ms after the window`);
  });
  await Promise.race([Promise.all(workers), hung]);
  return {
    calls: histogram.count,
    errors,
    elapsedMs: performance.now() - started,
    p50Us: histogram.percentile(0.5),
    p99Us: histogram.percentile(0.99),
  };
}

answerRequests({
  connect: async () => {
    const connect = CLIENTS[config.client];
    connections = await openMany(config.connections, (index) =>
      connect({ url: config.url, ...(config.withSessions && { token: tokenFor(index) }) }),
    );
  },
  run,
  stop: () => {
    for (const connection of connections) connection.close();
  },
});
sendEvent('ready');
