import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { type LuckyConfigInput, resolveConfig } from './config';
import type { IdempotencyStore } from './idempotency/IdempotencyStore';
import { MemoryIdempotencyStore } from './idempotency/MemoryIdempotencyStore';
import { LuckyServer } from './LuckyServer';
import { MemorySessionStore } from './sessions/MemorySessionStore';
import type { SessionStore } from './sessions/SessionStore';
import type { AppContext, Logger, RouteTable, ScaleOut } from './types';

/** Options of {@link createLuckyServer}: an existing Socket.IO server, or an HTTP server to create one on. */
export type CreateLuckyServerOptions = (
  | { io: Server; httpServer?: undefined; socketOptions?: undefined }
  | { io?: undefined; httpServer: HttpServer; socketOptions?: Partial<ServerOptions> }
) & {
  /** The route table: `defineRoutes({ api })` or a generated manifest. */
  routes: RouteTable;
  /** The app's helpers, handed to every handler in `functions` (a database client, say). */
  context?: AppContext;
  /** Settings; see {@link LuckyConfigInput}. */
  config?: LuckyConfigInput;
  /** Where sessions live. @defaultValue a new `MemorySessionStore` (or the scale-out's store) */
  sessions?: SessionStore;
  /** Run on several server processes: `redisScaleOut({ redis })` from `@luckystack/server/redis`. */
  scaleOut?: ScaleOut;
  /** Where answers of idempotent calls are kept. @defaultValue a new `MemoryIdempotencyStore` (or the scale-out's store) */
  idempotency?: IdempotencyStore;
  /** Where errors that are not sent to clients go. @defaultValue `console` */
  logger?: Logger;
};

/**
 * Attaches LuckyStack to a Socket.IO server you own (`io`), or creates one on `httpServer`, and answers
 * the spec's wire protocol on it.
 */
export function createLuckyServer(options: CreateLuckyServerOptions): LuckyServer {
  const { scaleOut } = options;
  if (scaleOut && options.sessions) {
    throw new TypeError(
      'LuckyStack: pass either `sessions` or `scaleOut` (which brings its own session store)',
    );
  }
  const config = resolveConfig(options.config);
  const io =
    options.io ??
    new Server(options.httpServer, {
      maxHttpBufferSize: config.limits.maxPayloadBytes,
      ...options.socketOptions,
    });
  if (scaleOut) io.adapter(scaleOut.adapter);
  return new LuckyServer({
    io,
    routes: options.routes,
    config,
    context: options.context ?? ({} as AppContext),
    sessions: scaleOut?.sessions ?? options.sessions ?? new MemorySessionStore(),
    idempotency: scaleOut?.idempotency ?? options.idempotency ?? new MemoryIdempotencyStore(),
    logger: options.logger ?? console,
    scaleOut,
  });
}
