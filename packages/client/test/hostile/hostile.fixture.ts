import { defineApi, defineRoutes, defineSync } from '@luckystack/server';
import { z } from 'zod';

/** How many times a guarded handler ran: an auth bypass shows up here. */
export const guardedRuns = { count: 0 };

export const hostileRoutes = defineRoutes({
  api: {
    'test/echo': defineApi({
      auth: { login: false },
      main: ({ data }: { data: Record<string, unknown> }) => ({ keys: Object.keys(data).length }),
    }),
    'test/strict': defineApi({
      auth: { login: false },
      schema: z.object({ n: z.number().int(), tags: z.array(z.string()).max(5) }),
      main: ({ data }) => data.n,
    }),
    'admin/secret': defineApi({
      auth: { login: true, additional: [{ key: 'admin', value: true }] },
      main: () => {
        guardedRuns.count++;
        return 'secret';
      },
    }),
    'me/secret': defineApi({
      auth: { login: true },
      main: ({ user }) => {
        guardedRuns.count++;
        return user.id;
      },
    }),
  },
  sync: {
    'room/chat': defineSync({
      auth: { login: false },
      schema: z.object({ text: z.string().max(100) }),
      server: ({ clientData }) => ({ status: 'success' as const, length: clientData.text.length }),
      client: ({ clientData }: { clientData: { text: string } }) => ({
        status: 'success' as const,
        ...clientData,
      }),
    }),
    'room/guarded': defineSync({
      auth: { login: true },
      server: () => {
        guardedRuns.count++;
        return { status: 'success' as const };
      },
    }),
  },
});
