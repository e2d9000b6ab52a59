// The server's route table as a browser app imports it: types only, so no server code reaches the bundle.
import { defineRoutes, defineSync } from '@luckystack/server';

export const routes = defineRoutes({
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

export type AppRoutes = typeof routes;
