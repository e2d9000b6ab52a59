import { BenchChild } from '../lib/BenchChild';
import type { MemoryReport, ServerReport } from '../lib/serve';

/** A server process to start: its script under bench/ and its environment. */
export interface ServerSpec {
  script: string;
  env?: Record<string, string>;
  /** A tsconfig resolving `@luckystack/*` for this server and its load (see `--alt-tsconfig`). */
  tsconfig?: string;
}

/**
 * The spec's environment for comparator `id`: its Redis key prefix gets the comparator's id, so two
 * comparators on the Redis adapter never share a channel (their broadcasts would reach each other's
 * receivers) and their sessions never mix.
 */
export function ownRedisPrefix(spec: ServerSpec, id: string): Record<string, string> {
  const env = { ...spec.env };
  if (env.PROJECT_NAME) env.PROJECT_NAME = `${env.PROJECT_NAME}-${id}`;
  return env;
}

/** Started server processes (one, or several nodes) and their URLs. */
export interface Servers {
  children: BenchChild[];
  urls: string[];
}

/** Starts the servers on core 0 and waits until each reports its port. */
export async function startServers(name: string, specs: ServerSpec[]): Promise<Servers> {
  const children = specs.map((spec, index) =>
    BenchChild.start(spec.script, {
      name: specs.length > 1 ? `${name}-node${index + 1}` : name,
      core: 0,
      server: true,
      tsconfig: spec.tsconfig,
      ...(spec.env && { env: spec.env }),
    }),
  );
  const ready = await Promise.all(children.map((child) => child.ready));
  return { children, urls: ready.map(({ port }) => `http://127.0.0.1:${port}`) };
}

/** Starts a measured window on every node. */
export async function markServers(servers: Servers): Promise<void> {
  await Promise.all(servers.children.map((child) => child.request('mark')));
}

/** Ends a measured window: the CPU time of all nodes together (µs) and its share of the window. */
export async function reportServers(servers: Servers): Promise<{ cpuUs: number; cpuShare: number }> {
  const reports = await Promise.all(servers.children.map((child) => child.request<ServerReport>('report')));
  const cpuUs = reports.reduce((sum, report) => sum + report.cpuUs, 0);
  const elapsedUs = Math.max(...reports.map((report) => report.elapsedMs)) * 1000;
  return { cpuUs, cpuShare: cpuUs / elapsedUs / servers.children.length };
}

/** The memory of a one-node server after garbage collection. */
export function serverMemory(servers: Servers): Promise<MemoryReport> {
  return servers.children[0]!.request<MemoryReport>('memory');
}

/** Stops every process given. */
export async function stopAll(children: BenchChild[]): Promise<void> {
  await Promise.all(children.map((child) => child.stop()));
}
