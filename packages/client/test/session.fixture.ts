import { defineApi, defineRoutes } from '@luckystack/server';
import { z } from 'zod';

export const sessionRoutes = defineRoutes({
  api: {
    'auth/login': defineApi({
      auth: { login: false },
      schema: z.object({ name: z.string().min(1) }),
      main: async ({ data, functions }) => {
        await functions.login({ id: data.name, name: data.name, visits: 0 });
        return { welcome: data.name };
      },
    }),
    'me/rename': defineApi({
      auth: { login: true },
      schema: z.object({ name: z.string() }),
      main: async ({ data, user, functions }) => {
        await functions.saveSession({ ...user, name: data.name });
        return 'saved';
      },
    }),
    'me/visit': defineApi({
      auth: { login: true },
      main: async ({ functions }) => {
        const next = await functions.updateSession((session) => ({
          ...session,
          visits: Number(session.visits ?? 0) + 1,
        }));
        return next.visits;
      },
    }),
    'me/whoami': defineApi({ auth: { login: true }, main: ({ user }) => user.id }),
  },
});

export type SessionRoutes = typeof sessionRoutes;
