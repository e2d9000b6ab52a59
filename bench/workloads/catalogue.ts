import type { FanoutPlan, FanoutVariant } from './fanout';
import type { MemoryVariant } from './memory';
import type { Profile, WorkloadId } from './profile';
import { MANY, PIPELINED, type RpcEntry, type RpcPlan, type RpcVariant, SERIAL } from './rpc';
import type { ServerSpec } from './servers';

/** A second build of LuckyStack measured beside the first in the same run (`--alt-tsconfig`). */
export interface Alternative {
  tsconfig: string;
  label: string;
}

/** Adds, after each LuckyStack comparator, the same comparator on the alternative build (`{id}~alt`). */
function withAlternative<T extends { id: string; label: string; lucky: boolean }>(
  variants: T[],
  alternative: Alternative | undefined,
  retarget: (variant: T, tsconfig: string) => T,
): T[] {
  if (!alternative) return variants;
  return variants.flatMap((variant) =>
    variant.lucky
      ? [
          variant,
          {
            ...retarget(variant, alternative.tsconfig),
            id: `${variant.id}~alt`,
            label: `${variant.label} [${alternative.label}]`,
          },
        ]
      : [variant],
  );
}

/** Where Redis is and the key prefix this run owns (deleted afterwards). */
export interface RedisTarget {
  url: string;
  prefix: string;
}

const WS: ServerSpec = { script: 'servers/ws.ts' };
const SIO: ServerSpec = { script: 'servers/sio.ts' };
const LUCKY: ServerSpec = { script: 'servers/lucky.ts' };
const FEATHERS: ServerSpec = { script: 'servers/feathers.ts' };
const TRPC: ServerSpec = { script: 'servers/trpc.ts' };

function onRedis(spec: ServerSpec, redis: RedisTarget, variable: 'SESSIONS' | 'SCALE_OUT'): ServerSpec {
  return { ...spec, env: { [variable]: 'redis', REDIS_URL: redis.url, PROJECT_NAME: redis.prefix } };
}

function rpc(
  id: string,
  label: string,
  server: ServerSpec,
  client: RpcVariant['client'],
  route: RpcVariant['route'] = 'echo',
): RpcVariant {
  return {
    id,
    label,
    server,
    client,
    route,
    lucky: id.startsWith('lucky'),
    withSessions: route === 'secure',
  };
}

const RPC_COMPARATORS: RpcVariant[] = [
  rpc('ws', 'raw ws, request id', WS, 'ws'),
  rpc('sio-ack', 'Socket.IO emitWithAck', SIO, 'sio-ack'),
  rpc('sio', 'Socket.IO apiRequest/apiResponse-{i} by hand', SIO, 'sio'),
  rpc('lucky', 'LuckyStack, bare handler', LUCKY, 'lucky'),
  rpc('feathers', 'Feathers on Socket.IO', FEATHERS, 'feathers'),
  rpc('trpc', 'tRPC on its WebSocket link', TRPC, 'trpc'),
];

const REALISTIC: RpcVariant[] = [
  rpc('lucky-full', 'LuckyStack, auth rules + Zod + memory session', LUCKY, 'lucky', 'secure'),
  rpc('sio-full', 'Socket.IO by hand, same session check + Zod', SIO, 'sio', 'secure'),
  rpc('trpc-full', 'tRPC, auth middleware + Zod', TRPC, 'trpc', 'secure'),
];

function luckyOnRedisSessions(redis: RedisTarget): RpcVariant {
  const server = onRedis(LUCKY, redis, 'SESSIONS');
  return rpc('lucky-redis', 'LuckyStack, auth rules + Zod + Redis session', server, 'lucky', 'secure');
}

/** The RPC plans of workloads 1, 2, 3 and 7 that `profile` runs; comparators share a configuration's plan. */
export function rpcPlans(
  profile: Profile,
  redis: RedisTarget | undefined,
  alternative?: Alternative,
): RpcPlan[] {
  const has = (workload: WorkloadId) => profile.workloads.includes(workload);
  const retarget = (variant: RpcVariant, tsconfig: string) => ({
    ...variant,
    server: { ...variant.server, tsconfig },
  });
  const tagged = (workload: WorkloadId, variants: RpcVariant[]): RpcEntry[] =>
    has(workload)
      ? withAlternative(variants, alternative, retarget).map((variant) => ({ workload, variant }))
      : [];
  const realistic = profile.name === 'quick' ? REALISTIC.slice(0, 1) : REALISTIC;
  const onRedis = redis ? [luckyOnRedisSessions(redis)] : [];
  const plans: RpcPlan[] = [
    {
      config: SERIAL,
      entries: [...tagged('W1', RPC_COMPARATORS), ...tagged('W3', realistic), ...tagged('W7', onRedis)],
    },
    { config: PIPELINED, entries: tagged('W2', RPC_COMPARATORS) },
    {
      config: MANY,
      entries: [...tagged('W2', RPC_COMPARATORS), ...tagged('W3', realistic), ...tagged('W7', onRedis)],
    },
  ];
  // A configuration whose only comparators are baselines measures nothing of LuckyStack's; one without its
  // baselines (when only workload 3 or 7 is asked for) gets them, for the ratios.
  return plans
    .filter((plan) => plan.entries.some((entry) => entry.variant.lucky))
    .filter((plan) => !profile.serialRpcOnly || plan.config === SERIAL)
    .map((plan) => {
      if (plan.entries.some((entry) => entry.variant.id === 'sio')) return plan;
      const workload: WorkloadId = plan.config === SERIAL ? 'W1' : 'W2';
      const baselines = RPC_COMPARATORS.filter((variant) => variant.id === 'sio' || variant.id === 'ws');
      return { ...plan, entries: [...baselines.map((variant) => ({ workload, variant })), ...plan.entries] };
    });
}

function fanout(
  id: string,
  label: string,
  servers: ServerSpec[],
  client: FanoutVariant['client'],
): FanoutVariant {
  return { id, label, servers, client, lucky: id.startsWith('lucky'), sync: 'room' };
}

/** Workload 4: fan-out to `profile.fanoutSizes` receivers, with and without a `_client` handler. */
export function fanoutPlans(profile: Profile, alternative?: Alternative): FanoutPlan[] {
  if (!profile.workloads.includes('W4')) return [];
  const candidates: FanoutVariant[] = [
    fanout('ws', 'raw ws, loop over the room', [WS], 'ws'),
    fanout('sio', 'Socket.IO to(room).emit', [SIO], 'sio'),
    fanout('lucky', 'LuckyStack sync, no _client handler', [LUCKY], 'lucky'),
    {
      ...fanout('lucky-client', 'LuckyStack sync with a _client handler', [LUCKY], 'lucky'),
      sync: 'roomShaped',
    },
  ];
  const variants = withAlternative(candidates, alternative, (variant, tsconfig) => ({
    ...variant,
    servers: variant.servers.map((spec) => ({ ...spec, tsconfig })),
  }));
  return profile.fanoutSizes.map((receivers) => ({ workload: 'W4', receivers, variants }));
}

/** Workload 6: fan-out across two nodes on the Redis adapter (the one-node rows come from workload 4). */
export function scaleOutPlans(
  profile: Profile,
  redis: RedisTarget | undefined,
  alternative?: Alternative,
): FanoutPlan[] {
  if (!profile.workloads.includes('W6') || !redis) return [];
  const twoNodes = (spec: ServerSpec) => [
    onRedis(spec, redis, 'SCALE_OUT'),
    onRedis(spec, redis, 'SCALE_OUT'),
  ];
  const candidates: FanoutVariant[] = [
    fanout('sio-2n', 'Socket.IO to(room).emit, 2 nodes + Redis adapter', twoNodes(SIO), 'sio'),
    {
      ...fanout('lucky-2n', 'LuckyStack sync, 2 nodes + redisScaleOut', twoNodes(LUCKY), 'lucky'),
      compareTo: { sio: 'sio-2n' },
    },
  ];
  const variants = withAlternative(candidates, alternative, (variant, tsconfig) => ({
    ...variant,
    servers: variant.servers.map((spec) => ({ ...spec, tsconfig })),
  }));
  return [{ workload: 'W6', receivers: Math.max(...profile.fanoutSizes), variants }];
}

/** Workload 5: the comparators whose idle connections are weighed. */
export function memoryVariants(profile: Profile, alternative?: Alternative): MemoryVariant[] {
  if (!profile.workloads.includes('W5')) return [];
  const all: MemoryVariant[] = [
    { id: 'ws', label: 'raw ws', lucky: false, server: WS, client: 'ws', withSessions: false },
    { id: 'sio', label: 'Socket.IO', lucky: false, server: SIO, client: 'sio', withSessions: false },
    {
      id: 'lucky',
      label: 'LuckyStack, anonymous',
      lucky: true,
      server: LUCKY,
      client: 'lucky',
      withSessions: false,
    },
    {
      id: 'lucky-session',
      label: 'LuckyStack, logged in',
      lucky: true,
      server: LUCKY,
      client: 'lucky',
      withSessions: true,
    },
    {
      id: 'feathers',
      label: 'Feathers',
      lucky: false,
      server: FEATHERS,
      client: 'feathers',
      withSessions: false,
    },
    { id: 'trpc', label: 'tRPC', lucky: false, server: TRPC, client: 'trpc', withSessions: false },
  ];
  const chosen =
    profile.name === 'quick' ? all.filter((variant) => ['sio', 'lucky'].includes(variant.id)) : all;
  return withAlternative(chosen, alternative, (variant, tsconfig) => ({
    ...variant,
    server: { ...variant.server, tsconfig },
  }));
}
