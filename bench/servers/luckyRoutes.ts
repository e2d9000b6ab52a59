import { defineApi, defineRoutes, defineSync } from '@luckystack/server';
import { type EchoData, echoSchema, SECURE_AUTH } from '../lib/fixtures';

/**
 * The LuckyStack routes under test: `bench/echo` (a bare handler), `bench/secure` (auth rules + Zod, the
 * realistic path), and the syncs `bench/room` (a `_server` handler only) and `bench/roomShaped` (the same
 * plus a `_client` handler run once per receiver).
 */
export const benchRoutes = defineRoutes({
  api: {
    'bench/echo': defineApi({
      auth: { login: false },
      main: ({ data }: { data: EchoData }) => data,
    }),
    'bench/secure': defineApi({ auth: SECURE_AUTH, schema: echoSchema, main: ({ data }) => data }),
  },
  sync: {
    'bench/room': defineSync({ auth: { login: true }, server: () => ({}) }),
    'bench/roomShaped': defineSync({
      auth: { login: true },
      server: () => ({}),
      client: ({ clientData }) => ({ status: 'success' as const, ...clientData }),
    }),
  },
});

/** The route table's type, for typed clients. */
export type BenchRoutes = typeof benchRoutes;
