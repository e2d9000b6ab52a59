import type { ClientName } from '../clients/registry';
import type { RpcRoute } from '../clients/types';
import { BenchChild } from '../lib/BenchChild';
import type { Row } from '../lib/results';
import { spread } from '../lib/stats';
import type { RpcLoadConfig, RpcRunResult } from '../load/rpc';
import type { Profile, WorkloadId } from './profile';
import {
  markServers,
  ownRedisPrefix,
  reportServers,
  type ServerSpec,
  type Servers,
  startServers,
  stopAll,
} from './servers';

/** One RPC comparator: its server, its client, and which route it calls. */
export interface RpcVariant {
  id: string;
  label: string;
  lucky: boolean;
  server: ServerSpec;
  client: ClientName;
  route: RpcRoute;
  /** Whether the clients log in with seeded sessions. */
  withSessions: boolean;
}

/** How many connections, each with how many calls in flight. */
export interface RpcConfig {
  label: string;
  connections: number;
  depth: number;
}

/** Workload 1: one call in flight. */
export const SERIAL: RpcConfig = { label: '1 conn × 1 in flight', connections: 1, depth: 1 };
/** Workload 2: one client pipelining. */
export const PIPELINED: RpcConfig = { label: '1 conn × 64 in flight', connections: 1, depth: 64 };
/** Workload 2: many clients pipelining. */
export const MANY: RpcConfig = { label: '50 conns × 16 in flight', connections: 50, depth: 16 };

/** A comparator and the workload its row belongs to. */
export interface RpcEntry {
  workload: WorkloadId;
  variant: RpcVariant;
}

/** One configuration and every comparator measured with it (interleaved, whatever their workload). */
export interface RpcPlan {
  config: RpcConfig;
  entries: RpcEntry[];
}

interface Sample {
  run: RpcRunResult;
  cpuUs: number;
  cpuShare: number;
}

const MOST_CONNECTIONS = Math.max(SERIAL.connections, PIPELINED.connections, MANY.connections);

function rowOf(workload: WorkloadId, variant: RpcVariant, config: RpcConfig, samples: Sample[]): Row {
  return {
    workload,
    variant: variant.id,
    label: variant.label,
    config: config.label,
    lucky: variant.lucky,
    errors: samples.reduce((sum, sample) => sum + sample.run.errors, 0),
    metrics: {
      callsPerSec: spread(samples.map(({ run }) => run.calls / (run.elapsedMs / 1000))),
      p50Ms: spread(samples.map(({ run }) => run.p50Us / 1000)),
      p99Ms: spread(samples.map(({ run }) => run.p99Us / 1000)),
      cpuUsPerCall: spread(samples.map(({ run, cpuUs }) => cpuUs / run.calls)),
      serverCpuPct: spread(samples.map(({ cpuShare }) => cpuShare * 100)),
    },
  };
}

/**
 * Runs RPC plans: one server per comparator (kept for all plans), then per plan one load process per
 * comparator, warmed up, and the repetitions interleaved across comparators so that a slow spell on the
 * machine hits them all alike.
 */
export async function runRpcPlans(
  plans: RpcPlan[],
  profile: Profile,
  log: (line: string) => void,
): Promise<Row[]> {
  const variants = [
    ...new Map(plans.flatMap((plan) => plan.entries).map(({ variant }) => [variant.id, variant])).values(),
  ];
  const servers = new Map<string, Servers>();
  const rows: Row[] = [];
  try {
    for (const variant of variants) {
      const env = { ...ownRedisPrefix(variant.server, variant.id), SEED_SESSIONS: String(MOST_CONNECTIONS) };
      servers.set(variant.id, await startServers(variant.id, [{ ...variant.server, env }]));
    }
    for (const plan of plans) {
      const planVariants = plan.entries.map((entry) => entry.variant);
      log(`RPC, ${plan.config.label}: ${planVariants.map((variant) => variant.id).join(', ')}`);
      const loads = new Map<string, BenchChild>();
      try {
        for (const variant of planVariants) {
          const config: RpcLoadConfig = {
            client: variant.client,
            route: variant.route,
            url: servers.get(variant.id)!.urls[0]!,
            connections: plan.config.connections,
            depth: plan.config.depth,
            withSessions: variant.withSessions,
          };
          const load = BenchChild.start('load/rpc.ts', {
            name: `${variant.id}-load`,
            core: 1,
            tsconfig: variant.server.tsconfig,
            env: { BENCH_LOAD: JSON.stringify(config) },
          });
          loads.set(variant.id, load);
          await load.ready;
          await load.request('connect');
          await load.request('run', { maxMs: profile.warmupMs, maxCalls: profile.maxCalls });
        }
        const samples = new Map<string, Sample[]>(planVariants.map((variant) => [variant.id, []]));
        for (let rep = 0; rep < profile.reps; rep++) {
          for (const variant of planVariants) {
            const server = servers.get(variant.id)!;
            await markServers(server);
            const run = await loads
              .get(variant.id)!
              .request<RpcRunResult>('run', { maxMs: profile.windowMs, maxCalls: profile.maxCalls });
            samples.get(variant.id)!.push({ run, ...(await reportServers(server)) });
          }
        }
        for (const { workload, variant } of plan.entries) {
          rows.push(rowOf(workload, variant, plan.config, samples.get(variant.id)!));
        }
      } finally {
        await stopAll([...loads.values()]);
      }
    }
  } finally {
    await stopAll([...servers.values()].flatMap((server) => server.children));
  }
  return rows;
}
