// The server side of a typed app: the route table the client's types come from.
import { defineApi, defineRoutes } from '@luckystack/server';
import { z } from 'zod';

export const routes = defineRoutes({
  api: {
    'math/double': defineApi({
      auth: { login: false },
      schema: z.object({ n: z.number() }),
      main: ({ data }) => ({ doubled: data.n * 2 }),
    }),
    'settings/rename': defineApi({
      auth: { login: true },
      schema: z.object({ name: z.string().min(1) }),
      main: ({ data, user }) => ({ id: user.id, name: data.name }),
    }),
  },
});

export type AppRoutes = typeof routes;
