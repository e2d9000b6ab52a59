/**
 * Plain Socket.IO, written by hand: `echo` answered with an ack (`emitWithAck`), the spec's
 * `apiRequest` → `apiResponse-{responseIndex}` pattern (`api/bench/echo` bare, `api/bench/secure` with the
 * same session check and Zod schema as LuckyStack's realistic path), and fan-out with `to(room).emit`.
 * With `SCALE_OUT=redis` it runs on `@socket.io/redis-adapter`.
 */
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { type BenchSession, echoSchema, passesSecureAuth, sessionFor, tokenFor } from '../lib/fixtures';
import { listenOnLoopback, seedCount, serve } from '../lib/serve';

interface ApiRequest {
  name: string;
  data: unknown;
  responseIndex: number;
}

type Handler = (data: unknown, session: BenchSession | null) => unknown;

const FORBIDDEN = { status: 'error', errorCode: 'FORBIDDEN', message: 'Forbidden' };

const handlers = new Map<string, Handler>([
  ['api/bench/echo', (data) => ({ status: 'success', result: data })],
  [
    'api/bench/secure',
    (data, session) => {
      if (!passesSecureAuth(session)) return FORBIDDEN;
      const parsed = echoSchema.safeParse(data);
      return parsed.success
        ? { status: 'success', result: parsed.data }
        : { status: 'error', errorCode: 'INVALID_INPUT', message: 'Invalid input' };
    },
  ],
]);

await serve(async () => {
  const httpServer = createServer();
  const io = new Server(httpServer, { transports: ['websocket'], serveClient: false });
  const pub = process.env.SCALE_OUT === 'redis' ? new Redis(process.env.REDIS_URL!) : undefined;
  const sub = pub?.duplicate();
  if (pub && sub) io.adapter(createAdapter(pub, sub, { key: `${process.env.PROJECT_NAME}-socket.io` }));
  const sessions = new Map<string, BenchSession>();
  for (let index = 0; index < seedCount(); index++) sessions.set(tokenFor(index), sessionFor(index));

  io.use((socket, next) => {
    socket.data.session = sessions.get(socket.handshake.auth?.token) ?? null;
    next();
  });
  io.on('connection', (socket) => {
    socket.on('echo', (data: unknown, ack: (result: unknown) => void) => ack(data));
    socket.on('apiRequest', ({ name, data, responseIndex }: ApiRequest) => {
      const handler = handlers.get(name);
      const response = handler
        ? handler(data, socket.data.session)
        : { status: 'error', errorCode: 'NOT_FOUND', message: 'No such API' };
      socket.emit(`apiResponse-${responseIndex}`, response);
    });
    socket.on('join', async (room: string, ack: (joined: boolean) => void) => {
      await socket.join(room);
      ack(true);
    });
    socket.on(
      'broadcast',
      (message: { room: string; name: string; data: unknown }, ack: (sent: boolean) => void) => {
        socket
          .to(message.room)
          .emit('sync', { name: message.name, clientData: message.data, serverOutput: {} });
        ack(true);
      },
    );
  });
  const port = await listenOnLoopback(httpServer);
  return {
    port,
    close: async () => {
      await io.close();
      pub?.disconnect();
      sub?.disconnect();
    },
  };
});
