import type { ClientName } from '../clients/registry';
import { BenchChild } from '../lib/BenchChild';
import type { Row } from '../lib/results';
import { spread } from '../lib/stats';
import type { Profile, WorkloadId } from './profile';
import { type ServerSpec, serverMemory, startServers, stopAll } from './servers';

/** One comparator whose idle connections are weighed. */
export interface MemoryVariant {
  id: string;
  label: string;
  lucky: boolean;
  server: ServerSpec;
  client: ClientName;
  withSessions: boolean;
}

/** Connections per load process. */
const CONNECTIONS_PER_PROCESS = 1000;

interface Sample {
  rssKb: number;
  heapKb: number;
}

async function connectMore(
  variant: MemoryVariant,
  url: string,
  from: number,
  to: number,
): Promise<BenchChild[]> {
  const loads: BenchChild[] = [];
  for (let start = from; start < to; start += CONNECTIONS_PER_PROCESS) {
    const config = { client: variant.client, url, withSessions: variant.withSessions, tokenBase: start };
    loads.push(
      BenchChild.start('load/idle.ts', {
        name: `${variant.id}-idle${start}`,
        core: 1,
        tsconfig: variant.server.tsconfig,
        env: { BENCH_LOAD: JSON.stringify(config) },
      }),
    );
  }
  await Promise.all(
    loads.map(async (load, index) => {
      await load.ready;
      const count = Math.min(CONNECTIONS_PER_PROCESS, to - from - index * CONNECTIONS_PER_PROCESS);
      await load.request('connect', { count });
    }),
  );
  return loads;
}

/**
 * Memory per idle connection: a fresh server per repetition, weighed after GC with no connection, then
 * with each number of connections in `sizes` (ascending, added to the ones already open).
 */
export async function runMemory(
  workload: WorkloadId,
  variants: MemoryVariant[],
  profile: Profile,
  log: (line: string) => void,
): Promise<Row[]> {
  const sizes = [...profile.idleSizes].sort((a, b) => a - b);
  const rows: Row[] = [];
  for (const variant of variants) {
    log(`${workload} memory per idle connection: ${variant.id}`);
    const samples = new Map<number, Sample[]>(sizes.map((size) => [size, []]));
    for (let rep = 0; rep < profile.memoryReps; rep++) {
      const seeds = variant.withSessions ? sizes.at(-1)! : 0;
      const servers = await startServers(variant.id, [
        { ...variant.server, env: { ...variant.server.env, SEED_SESSIONS: String(seeds) } },
      ]);
      const loads: BenchChild[] = [];
      try {
        const base = await serverMemory(servers);
        let open = 0;
        for (const size of sizes) {
          loads.push(...(await connectMore(variant, servers.urls[0]!, open, size)));
          open = size;
          const memory = await serverMemory(servers);
          samples.get(size)!.push({
            rssKb: (memory.rss - base.rss) / size / 1024,
            heapKb: (memory.heapUsed - base.heapUsed) / size / 1024,
          });
        }
      } finally {
        await stopAll([...loads, ...servers.children]);
      }
    }
    for (const size of sizes) {
      const values = samples.get(size)!;
      rows.push({
        workload,
        variant: variant.id,
        label: variant.label,
        config: `${size.toLocaleString('en-US')} conns`,
        lucky: variant.lucky,
        errors: 0,
        metrics: {
          rssKbPerConn: spread(values.map((value) => value.rssKb)),
          heapKbPerConn: spread(values.map((value) => value.heapKb)),
        },
      });
    }
  }
  return rows;
}
