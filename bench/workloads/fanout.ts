import type { ClientName } from '../clients/registry';
import type { ConnectOptions } from '../clients/types';
import { BenchChild } from '../lib/BenchChild';
import { Histogram } from '../lib/Histogram';
import type { Row } from '../lib/results';
import { spread } from '../lib/stats';
import type { FanoutLoadConfig, ReceiverResult, SenderResult } from '../load/fanout';
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

/** One fan-out comparator: its server(s) (two for the scale-out workload), its client, its sync. */
export interface FanoutVariant {
  id: string;
  label: string;
  lucky: boolean;
  servers: ServerSpec[];
  client: ClientName;
  sync: NonNullable<ConnectOptions['sync']>;
  compareTo?: Row['compareTo'];
}

/** A number of receivers and the comparators to measure with it. */
export interface FanoutPlan {
  workload: WorkloadId;
  receivers: number;
  variants: FanoutVariant[];
}

/** Receivers per load process: few enough processes to fit one core, enough to spread the parsing. */
const RECEIVERS_PER_PROCESS = 250;
/** Broadcasts in flight (sent but not yet delivered everywhere): keeps the pipe full, bounds the queues. */
const WINDOW = 16;

interface Setup {
  servers: Servers;
  sender: BenchChild;
  receivers: BenchChild[];
  /** The highest sequence number each receiver process has fully received. */
  progress: number[];
  credited: number;
}

interface Sample {
  sender: SenderResult;
  deliveries: number;
  histogram: Histogram;
  cpuUs: number;
  cpuShare: number;
}

function loadConfig(variant: FanoutVariant, urls: string[], rest: Partial<FanoutLoadConfig>): string {
  const config = { client: variant.client, urls, sync: variant.sync, receivers: 0, tokenBase: 0, ...rest };
  return JSON.stringify(config);
}

async function setUp(variant: FanoutVariant, receivers: number): Promise<Setup> {
  const seeded = variant.servers.map((spec, index) => ({
    ...spec,
    env: { ...ownRedisPrefix(spec, variant.id), SEED_SESSIONS: String(index === 0 ? receivers + 1 : 0) },
  }));
  const servers = await startServers(variant.id, seeded);
  const processes = Math.ceil(receivers / RECEIVERS_PER_PROCESS);
  const receiverChildren = Array.from({ length: processes }, (_, index) => {
    const count = Math.min(RECEIVERS_PER_PROCESS, receivers - index * RECEIVERS_PER_PROCESS);
    const config = loadConfig(variant, servers.urls, {
      role: 'receivers',
      receivers: count,
      tokenBase: 1 + index * RECEIVERS_PER_PROCESS,
    });
    return BenchChild.start('load/fanout.ts', {
      name: `${variant.id}-receivers${index + 1}`,
      core: 1,
      tsconfig: variant.servers[0]?.tsconfig,
      env: { BENCH_LOAD: config },
    });
  });
  const sender = BenchChild.start('load/fanout.ts', {
    name: `${variant.id}-sender`,
    core: 1,
    tsconfig: variant.servers[0]?.tsconfig,
    env: { BENCH_LOAD: loadConfig(variant, servers.urls, { role: 'sender' }) },
  });
  const setup: Setup = { servers, sender, receivers: receiverChildren, progress: [], credited: 0 };
  receiverChildren.forEach((child, index) => {
    child.onEvent('progress', (seq) => {
      setup.progress[index] = seq as number;
      const everywhere = Math.min(...setup.progress);
      if (everywhere > setup.credited) {
        setup.credited = everywhere;
        sender.send('credit', everywhere);
      }
    });
  });
  for (const child of [...receiverChildren, sender]) {
    await child.ready;
    await child.request('connect');
  }
  return setup;
}

async function measure(setup: Setup, maxMs: number, profile: Profile): Promise<Sample> {
  setup.progress = setup.receivers.map(() => 0);
  setup.credited = 0;
  await Promise.all(setup.receivers.map((child) => child.request('start')));
  await markServers(setup.servers);
  const sender = await setup.sender.request<SenderResult>('send', {
    maxMs,
    maxBroadcasts: profile.maxBroadcasts,
    window: WINDOW,
  });
  const cpu = await reportServers(setup.servers);
  const collected = await Promise.all(
    setup.receivers.map((child) => child.request<ReceiverResult>('collect')),
  );
  const histogram = new Histogram();
  for (const part of collected) histogram.merge(part.histogram);
  const deliveries = collected.reduce((sum, part) => sum + part.deliveries, 0);
  return { sender, deliveries, histogram, ...cpu };
}

function rowOf(plan: FanoutPlan, variant: FanoutVariant, samples: Sample[]): Row {
  return {
    workload: plan.workload,
    variant: variant.id,
    label: variant.label,
    config: `${plan.receivers.toLocaleString('en-US')} receivers`,
    lucky: variant.lucky,
    errors: samples.reduce((sum, { sender }) => sum + sender.errors + (sender.drained ? 0 : 1), 0),
    ...(variant.compareTo && { compareTo: variant.compareTo }),
    metrics: {
      deliveriesPerSec: spread(samples.map((s) => s.deliveries / (s.sender.elapsedMs / 1000))),
      deliveryP50Ms: spread(samples.map((s) => s.histogram.percentile(0.5) / 1000)),
      deliveryP99Ms: spread(samples.map((s) => s.histogram.percentile(0.99) / 1000)),
      cpuUsPerDelivery: spread(samples.map((s) => s.cpuUs / s.deliveries)),
      serverCpuPct: spread(samples.map((s) => s.cpuShare * 100)),
    },
  };
}

/**
 * Runs fan-out plans: per plan every comparator gets its server(s), its receivers (real clients, spread
 * over a few processes) and one sender, is warmed up, and the repetitions are interleaved across them.
 */
export async function runFanoutPlans(
  plans: FanoutPlan[],
  profile: Profile,
  log: (line: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const plan of plans) {
    log(
      `${plan.workload} fan-out to ${plan.receivers} receivers: ${plan.variants.map((v) => v.id).join(', ')}`,
    );
    const setups = new Map<string, Setup>();
    try {
      for (const variant of plan.variants) {
        const setup = await setUp(variant, plan.receivers);
        setups.set(variant.id, setup);
        await measure(setup, profile.warmupMs, profile);
      }
      const samples = new Map<string, Sample[]>(plan.variants.map((v) => [v.id, []]));
      for (let rep = 0; rep < profile.reps; rep++) {
        for (const variant of plan.variants) {
          samples.get(variant.id)!.push(await measure(setups.get(variant.id)!, profile.windowMs, profile));
        }
      }
      for (const variant of plan.variants) rows.push(rowOf(plan, variant, samples.get(variant.id)!));
    } finally {
      for (const setup of setups.values()) {
        await stopAll([setup.sender, ...setup.receivers, ...setup.servers.children]);
      }
    }
  }
  return rows;
}
