import { defineRoutes, defineSync } from '@luckystack/server';
import { z } from 'zod';

export const syncRoutes = defineRoutes({
  sync: {
    'room/chat': defineSync({
      auth: { login: false },
      schema: z.object({ text: z.string().max(100) }),
      server: ({ clientData, user }) =>
        clientData.text === 'forbidden'
          ? { status: 'error' as const, message: 'Not allowed here', errorCode: 'FORBIDDEN' }
          : { status: 'success' as const, authorId: user?.id ?? 'anonymous', length: clientData.text.length },
    }),
    'room/ping': defineSync({
      auth: { login: false },
      client: ({ clientData }: { clientData: { n: number } }) => ({
        status: 'success' as const,
        ...clientData,
      }),
    }),
    'room/secret': defineSync({
      auth: { login: true },
      server: ({ user }) => ({ status: 'success' as const, from: user.id }),
      client: ({
        clientData,
        serverOutput,
        user,
      }: {
        clientData: Record<string, unknown>;
        serverOutput: { from: string };
        user: { id: string } | null;
      }) =>
        user?.id === 'bob'
          ? { status: 'error' as const }
          : {
              status: 'success' as const,
              text: String(clientData.text).toUpperCase(),
              for: user?.id ?? null,
              from: serverOutput.from,
            },
    }),
    'canvas/cursorMove': defineSync({
      auth: { login: false },
      client: ({ clientData }: { clientData: { x: number } }) => ({
        status: 'success' as const,
        ...clientData,
      }),
    }),
    'sandbox/cursorMove': defineSync({
      auth: { login: false },
      client: ({ clientData }: { clientData: { x: number } }) => ({
        status: 'success' as const,
        ...clientData,
      }),
    }),
    'room/stream': defineSync({
      auth: { login: false },
      server: ({ clientData }: { clientData: { i: number } }) => ({
        status: 'success' as const,
        i: clientData.i,
      }),
    }),
  },
});

export type SyncRoutes = typeof syncRoutes;
