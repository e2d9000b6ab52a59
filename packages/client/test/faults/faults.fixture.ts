import { defineApi, defineRoutes, defineSync } from '@luckystack/server';

export const faultRoutes = defineRoutes({
  api: {
    'me/whoami': defineApi({ auth: { login: true }, main: ({ user }) => user.id }),
    'test/ping': defineApi({ auth: { login: false }, main: () => 'pong' as const }),
  },
  sync: {
    'room/blob': defineSync({
      auth: { login: false },
      server: ({ clientData }: { clientData: { blob: string } }) => ({
        status: 'success' as const,
        size: clientData.blob.length,
      }),
    }),
  },
});
