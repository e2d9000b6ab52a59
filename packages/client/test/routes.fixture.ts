import { defineApi, defineRoutes } from '@luckystack/server';
import { z } from 'zod';

const waiting = new Set<() => void>();

/** Holds `test/slow` handlers mid-call until a test releases them all. */
export const gate = {
  wait: () => new Promise<void>((resolve) => waiting.add(resolve)),
  release: () => {
    for (const resolve of waiting) resolve();
    waiting.clear();
  },
};

export const routes = defineRoutes({
  api: {
    'test/getData': defineApi({
      auth: { login: false },
      main: ({ data }: { data: { n: number } }) => ({ doubled: data.n * 2 }),
    }),
    ping: defineApi({ auth: { login: false }, main: () => 'pong' as const }),
    'settings/updateProfile': defineApi({
      auth: { login: true },
      schema: z.object({ name: z.string().min(1), email: z.email() }),
      main: ({ data, user }) => ({ id: user.id, name: data.name }),
    }),
    'admin/stats': defineApi({
      auth: { login: true, additional: [{ key: 'admin', value: true }] },
      main: () => ({ users: 3 }),
    }),
    'admin/verified': defineApi({
      auth: { login: true, additional: [{ key: 'email', nullish: false }] },
      main: () => 'verified',
    }),
    'admin/google': defineApi({
      auth: { login: true, additional: [{ key: 'provider', value: 'google' }] },
      main: () => 'google',
    }),
    'admin/named': defineApi({
      auth: { login: true, additional: [{ key: 'name', type: 'string' }] },
      main: () => 'named',
    }),
    'admin/avatar': defineApi({
      auth: { login: true, additional: [{ key: 'avatar', mustBeFalsy: false }] },
      main: () => 'avatar',
    }),
    'admin/all': defineApi({
      auth: {
        login: true,
        additional: [
          { key: 'admin', value: true },
          { key: 'email', nullish: false },
          { key: 'name', type: 'string' },
        ],
      },
      main: () => 'all',
    }),
    'games/poker/echo': defineApi({
      auth: { login: false },
      main: ({ data }: { data: { i: number } }) => data.i,
    }),
    'test/throws': defineApi({
      auth: { login: false },
      main: (): never => {
        throw new Error('database password is hunter2');
      },
    }),
    'test/slow': defineApi({
      auth: { login: false },
      main: async () => {
        await gate.wait();
        return 'late';
      },
    }),
    'test/rename': defineApi({
      auth: { login: true },
      schema: z.object({ name: z.string() }),
      main: async ({ data, user, functions }) => {
        await functions.saveSession({ ...user, name: data.name });
        return 'saved';
      },
    }),
  },
});

export type FixtureRoutes = typeof routes;
