import { defineApi, defineRoutes, defineSync } from '@luckystack/server';

export const routes = defineRoutes({
  api: {
    'me/rename': defineApi({
      auth: { login: true },
      main: async ({ user, functions }) => functions.saveSession({ ...user, name: 'New' }),
    }),
  },
  sync: {
    'room/chat': defineSync({
      auth: { login: false },
      client: ({ clientData }: { clientData: { text: string } }) => ({
        status: 'success' as const,
        ...clientData,
      }),
    }),
  },
});

export type Routes = typeof routes;
