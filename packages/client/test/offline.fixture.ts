import { defineApi, defineRoutes, defineSync } from '@luckystack/server';

/** Side effects of `shop/buy`, by call id: a duplicate run shows up as a second entry. */
export const effects: string[] = [];

export const offlineRoutes = defineRoutes({
  api: {
    'shop/buy': defineApi({
      auth: { login: false },
      main: async ({ data }: { data: { id: string } }) => {
        effects.push(data.id);
        // Some work after the effect, so a cut can land between the effect and the answer.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
        return { bought: data.id };
      },
    }),
  },
  sync: {
    'room/cursor': defineSync({
      auth: { login: false },
      client: ({ clientData }: { clientData: { x: number } }) => ({
        status: 'success' as const,
        ...clientData,
      }),
    }),
  },
});
