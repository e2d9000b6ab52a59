/**
 * tRPC on its WebSocket adapter (`applyWSSHandler` over `ws`): `echo` (a bare mutation) and `secure`
 * (a session check in a middleware + the Zod schema, the realistic path). The session comes from the
 * client's `connectionParams.token`, read once per connection.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { initTRPC, TRPCError } from '@trpc/server';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import {
  type BenchSession,
  type EchoData,
  echoSchema,
  passesSecureAuth,
  sessionFor,
  tokenFor,
} from '../lib/fixtures';
import { seedCount, serve } from '../lib/serve';

const sessions = new Map<string, BenchSession>();
for (let index = 0; index < seedCount(); index++) sessions.set(tokenFor(index), sessionFor(index));

const t = initTRPC.context<{ session: BenchSession | null }>().create();

const secured = t.procedure.use(({ ctx, next }) => {
  if (!passesSecureAuth(ctx.session)) throw new TRPCError({ code: 'FORBIDDEN' });
  return next({ ctx: { session: ctx.session! } });
});

const router = t.router({
  echo: t.procedure.input((value) => value as EchoData).mutation(({ input }) => input),
  secure: secured.input(echoSchema).mutation(({ input }) => input),
});

/** The router's type, for the typed client. */
export type BenchTrpcRouter = typeof router;

await serve(async () => {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  const handler = applyWSSHandler({
    wss,
    router,
    createContext: ({ info }) => ({ session: sessions.get(String(info.connectionParams?.token)) ?? null }),
  });
  return {
    port: (wss.address() as AddressInfo).port,
    close: async () => {
      handler.broadcastReconnectNotification();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
});
