// One LuckyStack server process of a test cluster: started by testing/cluster.ts, never imported.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLuckyServer, defineApi, defineRoutes, defineSync } from '@luckystack/server';
import { redisScaleOut } from '@luckystack/server/redis';

const nodeName = process.env.NODE_NAME ?? 'node';

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
  scaleOut: redisScaleOut({
    redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    projectName: process.env.PROJECT_NAME,
  }),
  socketOptions: { transports: ['websocket'] },
  logger: { error: (message, details) => console.error(message, details), warn: () => {} },
  config: {
    socketActivityBroadcaster: true,
    graceTimes: JSON.parse(process.env.GRACE_TIMES ?? '{}'),
    sync: { allowAll: true },
  },
});
httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ ready: true, port: (httpServer.address() as AddressInfo).port }));
});
