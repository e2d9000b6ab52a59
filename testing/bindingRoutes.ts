import { defineApi, defineRoutes, defineSync } from '@luckystack/server';

/** The routes every binding test serves: a session rename and a chat sync. */
export const routes = defineRoutes({
  api: {
    'me/rename': defineApi({
      auth: { login: true },
      main: async ({ user, functions }) => {
        await functions.saveSession({ ...user, name: 'New' });
        return 'saved';
      },
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

/** Their type, for typed clients and hooks. */
export type Routes = typeof routes;
