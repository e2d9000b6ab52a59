// One LuckyStack server process of a test cluster: started by testing/cluster.ts, never imported.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLuckyServer, defineApi, defineRoutes, defineSync } from '@luckystack/server';
import { redisScaleOut } from '@luckystack/server/redis';
import { Redis } from 'ioredis';

const nodeName = process.env.NODE_NAME ?? 'node';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const projectName = process.env.PROJECT_NAME ?? 'luckystack';
const effects = new Redis(redisUrl);

const routes = defineRoutes({
  api: {
    'auth/login': defineApi({
      auth: { login: false },
      main: async ({
        data,
        functions,
      }: {
        data: { name: string };
        functions: { login: (s: { id: string }) => Promise<string> };
      }) => {
        await functions.login({ id: data.name });
        return nodeName;
      },
    }),
    'me/rename': defineApi({
      auth: { login: true },
      main: async ({
        data,
        user,
        functions,
      }: {
        data: { name: string };
        user: { id: string };
        functions: { saveSession: (s: object) => Promise<void> };
      }) => {
        await functions.saveSession({ ...user, name: data.name });
        return nodeName;
      },
    }),
    'me/whoami': defineApi({ auth: { login: true }, main: ({ user }) => user.id }),
    'node/name': defineApi({ auth: { login: false }, main: () => nodeName }),
    // An order whose effect is itself keyed on the call's idempotency key, as the docs advise: even a run
    // repeated after a node died mid-call records the order once.
    'shop/buy': defineApi({
      auth: { login: false },
      main: async ({ data, idempotencyKey }: { data: { id: string }; idempotencyKey?: string }) => {
        const first = await effects.set(
          `${projectName}-effect:${idempotencyKey ?? data.id}`,
          '1',
          'EX',
          600,
          'NX',
        );
        if (first === 'OK') await effects.rpush(`${projectName}-effects`, data.id);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
        return { bought: data.id, node: nodeName };
      },
    }),
    'test/slow': defineApi({
      auth: { login: false },
      main: () => new Promise((resolve) => setTimeout(() => resolve(nodeName), 5_000)),
    }),
  },
  sync: {
    'room/chat': defineSync({
      auth: { login: false },
      server: ({ clientData }: { clientData: { text: string } }) => ({
        status: 'success' as const,
        node: nodeName,
        text: clientData.text,
      }),
    }),
    'room/shaped': defineSync({
      auth: { login: false },
      client: ({ clientData, user }: { clientData: { text: string }; user: { id: string } | null }) =>
        user?.id === 'skipped'
          ? { status: 'error' as const }
          : { status: 'success' as const, text: clientData.text, for: user?.id ?? null },
    }),
  },
});

const httpServer = createServer();
createLuckyServer({
  httpServer,
  routes,
  scaleOut: redisScaleOut({ redis: redisUrl, projectName }),
  socketOptions: { transports: ['websocket'] },
  logger: { error: (message, details) => console.error(message, details), warn: () => {} },
  config: {
    socketActivityBroadcaster: true,
    graceTimes: JSON.parse(process.env.GRACE_TIMES ?? '{}'),
    sync: { allowAll: true },
    limits: { rate: false, maxInFlightPerSocket: 1000 },
    idempotency: { leaseMs: Number(process.env.LEASE_MS ?? 30_000) },
  },
});
httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ ready: true, port: (httpServer.address() as AddressInfo).port }));
});
