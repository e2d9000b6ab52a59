import {
  checkRoomCode,
  EVENTS,
  isOriginAllowed,
  LuckyError,
  type SessionLayout,
  TokenBucket,
} from '@luckystack/core';
import type { Server, Socket } from 'socket.io';
import { type CompiledRoutes, compileRoutes } from './compileRoutes';
import type { LuckyConfig } from './config';
import { handleApiRequest } from './handleApiRequest';
import { handleRoomRequest, handleUpdateLocation } from './handleRoomRequest';
import { handleSyncRequest } from './handleSyncRequest';
import type { IdempotencyStore } from './idempotency/IdempotencyStore';
import { tokenRoom, userRoom } from './internalRooms';
import { Presence } from './Presence';
import { createToken } from './sessions/createToken';
import type { SessionStore } from './sessions/SessionStore';
import type { AppContext, HandlerFunctions, Logger, RouteTable, ScaleOut } from './types';

/** Per-socket state kept out of `socket.data`, which adapters serialise across nodes. */
export interface SocketState {
  /** API calls and syncs of this socket being handled now. */
  inFlight: number;
  /** The tail of this socket's sync queue: syncs run one after another, in the order sent. */
  syncQueue: Promise<void>;
  /** This socket's request rate limit, when one is configured. */
  bucket: TokenBucket | undefined;
  /** Requests refused by the rate limit since the last one admitted. */
  refusals: number;
  functions: HandlerFunctions;
}

/** Everything a {@link LuckyServer} is built from, defaults already applied. */
export interface LuckyServerParts {
  io: Server;
  routes: RouteTable;
  sessions: SessionStore;
  config: LuckyConfig;
  context: AppContext;
  logger: Logger;
  /** Where answers of idempotent calls are kept. */
  idempotency: IdempotencyStore;
  /** Set when running on several nodes; closed with the server. */
  scaleOut?: ScaleOut | undefined;
}

const MAX_TOKEN_LENGTH = 512;
/** The server-side event one node asks the others how many of their sockets a sync reaches. */
const COUNT_RECEIVERS = 'lucky:sync:count';

/**
 * LuckyStack on one Socket.IO server: routes API calls and sync events through auth, validation and
 * handlers, keeps rooms and sessions. Create it with `createLuckyServer`.
 */
export class LuckyServer {
  /** The Socket.IO server this instance is attached to. */
  readonly io: Server;
  /** Where sessions live. */
  readonly sessions: SessionStore;
  /** Where answers of idempotent calls are kept. */
  readonly idempotency: IdempotencyStore;
  /** The settings in force. */
  readonly config: LuckyConfig;
  /** @internal */
  readonly routes: CompiledRoutes;
  /** @internal */
  readonly logger: Logger;
  readonly #context: AppContext;
  readonly #presence: Presence | undefined;
  readonly #scaleOut: ScaleOut | undefined;
  readonly #sockets = new WeakMap<Socket, SocketState>();
  /** The session found at the handshake, until the connection handler has sent it to the client. */
  readonly #handshakeSessions = new WeakMap<Socket, SessionLayout>();
  /** Sockets that presented a token with no session behind it (expired, logged out, replaced). */
  readonly #deadTokens = new WeakSet<Socket>();

  constructor(parts: LuckyServerParts) {
    this.io = parts.io;
    this.sessions = parts.sessions;
    this.idempotency = parts.idempotency;
    this.config = parts.config;
    this.logger = parts.logger;
    this.#context = parts.context;
    this.routes = compileRoutes(parts.routes);
    this.#scaleOut = parts.scaleOut;
    this.#presence = parts.config.socketActivityBroadcaster
      ? new Presence(parts.io, parts.config.graceTimes, parts.scaleOut !== undefined)
      : undefined;
    this.io.use((socket, next) => {
      this.#handshake(socket).then(
        () => next(),
        (error: unknown) => {
          if (error instanceof LuckyError && error.code !== 'INTERNAL') return next(new Error(error.message));
          this.logger.error('LuckyStack: handshake failed', error);
          next(new Error('Session store unavailable, try again'));
        },
      );
    });
    this.#guardOrigins();
    this.io.on('connection', this.#onConnection);
    if (parts.scaleOut) this.io.on(COUNT_RECEIVERS, this.#onCountRequest);
  }

  /** @internal The state of a connected socket. */
  stateOf(socket: Socket): SocketState | undefined {
    return this.#sockets.get(socket);
  }

  /** The session lifetime in seconds. */
  get sessionTtlSeconds(): number {
    return Math.round(this.config.sessionExpiryDays * 86_400);
  }

  /**
   * Starts a session for `session` and returns its token; with `socket`, that connection is logged in.
   * Unless `allowMultipleSessions` is on, the user's other sessions end (their sockets get `forceLogout`).
   */
  async login(session: SessionLayout, socket?: Socket): Promise<string> {
    if (session?.id == null) throw new LuckyError('BAD_REQUEST', 'A session needs an id');
    const token = createToken();
    const userId = String(session.id);
    const others = await this.sessions.create(token, session, this.sessionTtlSeconds);
    if (!this.config.allowMultipleSessions) {
      await Promise.all(others.map((other) => this.endSession(other, 'session-replaced')));
    }
    if (socket) {
      this.#attach(socket, token, userId);
      socket.emit(EVENTS.sessionToken, token);
      socket.emit(EVENTS.updateSession, JSON.stringify(session));
    }
    return token;
  }

  /** Replaces the session of `token` (keeping its expiry) and pushes `updateSession` to its sockets. */
  async saveSession(token: string, session: SessionLayout): Promise<void> {
    const saved = await this.sessions.update(token, session);
    if (!saved) throw new LuckyError('UNAUTHORIZED', 'The session has ended');
    this.io.to(tokenRoom(token)).emit(EVENTS.updateSession, JSON.stringify(session));
  }

  /** Atomically applies `update` to the session of `token`, then pushes `updateSession` to its sockets. */
  async updateSession(
    token: string,
    update: (session: SessionLayout) => SessionLayout,
  ): Promise<SessionLayout> {
    const next = await this.sessions.modify(token, update);
    if (!next) throw new LuckyError('UNAUTHORIZED', 'The session has ended');
    this.io.to(tokenRoom(token)).emit(EVENTS.updateSession, JSON.stringify(next));
    return next;
  }

  /**
   * Ends the session of `token`: deletes it, and its sockets (but `except`) get `forceLogout` and are
   * disconnected.
   */
  async endSession(token: string, reason: string, except?: Socket): Promise<void> {
    await this.sessions.delete(token);
    const room = this.io.in(tokenRoom(token));
    const others = except ? room.except(except.id) : room;
    others.emit(EVENTS.forceLogout, { reason });
    others.disconnectSockets(true);
  }

  /** @internal The sessions of several sockets' tokens, fetched once per distinct token. */
  async sessionsOf(tokens: (string | undefined)[]): Promise<(SessionLayout | null)[]> {
    const distinct = [...new Set(tokens.filter((token): token is string => Boolean(token)))];
    const found = await Promise.all(distinct.map((token) => this.sessions.get(token)));
    const byToken = new Map(distinct.map((token, index) => [token, found[index] ?? null]));
    return tokens.map((token) => (token ? (byToken.get(token) ?? null) : null));
  }

  /** How many users the activity broadcaster is waiting for (0 when it is off). */
  get awayCount(): number {
    return this.#presence?.awayCount ?? 0;
  }

  /**
   * @internal How many sockets a sync to `receiver` reaches: counted in this process on one node; when
   * scaled out, every other node answers its own count (one adapter round trip carrying numbers, not the
   * sockets `fetchSockets` would serialise).
   */
  async countReceivers(receiver: string, excludedId: string | undefined): Promise<number> {
    const local = this.#countLocal(receiver, excludedId);
    if (!this.#scaleOut) return local;
    // A node that does not answer in time (it died, say) counts as none rather than failing a delivered sync.
    const counts: unknown[] = await this.io.serverSideEmitWithAck(COUNT_RECEIVERS, receiver).catch(() => []);
    return counts.reduce<number>((sum, count) => sum + (typeof count === 'number' ? count : 0), local);
  }

  #countLocal(receiver: string, excludedId: string | undefined): number {
    const members =
      receiver === 'all' ? this.io.of('/').sockets : this.io.of('/').adapter.rooms.get(receiver);
    if (!members) return 0;
    return members.size - (excludedId !== undefined && members.has(excludedId) ? 1 : 0);
  }

  readonly #onCountRequest = (receiver: unknown, ack: unknown): void => {
    if (typeof receiver === 'string' && typeof ack === 'function') ack(this.#countLocal(receiver, undefined));
  };

  /** Stops listening and releases the session store. Does not close the Socket.IO server (it is yours). */
  async close(): Promise<void> {
    this.io.off('connection', this.#onConnection);
    this.io.off(COUNT_RECEIVERS, this.#onCountRequest);
    this.#presence?.close();
    await this.idempotency.close();
    await (this.#scaleOut ?? this.sessions).close();
  }

  /**
   * Runs before Socket.IO accepts a connection, so by the client's `connect` event its session is attached
   * and its rooms (sent again by the client on every reconnect) are rejoined.
   */
  async #handshake(socket: Socket): Promise<void> {
    if (!this.io.engine) this.#checkOrigin(socket.handshake.headers.origin, socket.handshake.headers.host);
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const rooms = Array.isArray(auth.rooms) ? auth.rooms.slice(0, this.config.limits.maxRoomsPerSocket) : [];
    const valid = rooms.filter((room) => checkRoomCode(room).ok) as string[];
    if (valid.length > 0) await socket.join(valid);
    const token = typeof auth.token === 'string' ? auth.token : this.#cookieToken(socket);
    if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH) return;
    const session = await this.sessions.get(token);
    if (!session) {
      // Tell the client its stored token is dead, so it stops sending it on every reconnect.
      this.#deadTokens.add(socket);
      return;
    }
    this.#attach(socket, token, String(session.id));
    this.#handshakeSessions.set(socket, session);
  }

  /**
   * Refuses browsers from foreign origins (cross-site WebSocket hijacking) in the engine's `allowRequest`,
   * so neither polling nor websocket gets a session; a user's own `allowRequest` still runs after it.
   * Without an engine yet (a Socket.IO server not attached), the handshake checks instead.
   */
  #guardOrigins(): void {
    const engine = this.io.engine;
    if (!engine) return;
    const previous = engine.opts.allowRequest;
    engine.opts.allowRequest = (request, callback) => {
      if (!isOriginAllowed(request.headers.origin, request.headers.host, this.config.allowedOrigins)) {
        callback('Origin not allowed', false);
      } else if (previous) {
        previous(request, callback);
      } else {
        callback(null, true);
      }
    };
  }

  #checkOrigin(origin: string | undefined, host: string | undefined): void {
    if (!isOriginAllowed(origin, host, this.config.allowedOrigins)) {
      throw new LuckyError('FORBIDDEN', 'Origin not allowed');
    }
  }

  /** The token in the configured session cookie, if any; never from the query string. */
  #cookieToken(socket: Socket): string | undefined {
    const name = this.config.sessionCookie;
    const header = socket.handshake.headers.cookie;
    if (!name || typeof header !== 'string') return undefined;
    for (const part of header.split(';')) {
      const separator = part.indexOf('=');
      if (separator === -1 || part.slice(0, separator).trim() !== name) continue;
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  readonly #onConnection = (socket: Socket): void => {
    const { rate, maxBufferedPackets } = this.config.limits;
    this.#sockets.set(socket, {
      inFlight: 0,
      syncQueue: Promise.resolve(),
      bucket: rate ? new TokenBucket(rate) : undefined,
      refusals: 0,
      functions: this.#helpersFor(socket),
    });
    // A client that stops reading makes every packet for it wait in memory (the engine flushes its
    // buffer only once the transport has written the last batch); past the limit it is dropped.
    let waiting = 0;
    socket.conn.on('flush', () => {
      waiting = 0;
    });
    socket.conn.on('packetCreate', () => {
      if (++waiting < maxBufferedPackets) return;
      this.logger.warn(`LuckyStack: dropped a slow consumer (${maxBufferedPackets} packets waiting)`);
      socket.conn.close();
    });
    socket.on(EVENTS.apiRequest, (payload: unknown) => handleApiRequest(this, socket, payload));
    socket.on(EVENTS.sync, (payload: unknown) => handleSyncRequest(this, socket, payload));
    socket.on(EVENTS.joinRoom, (payload: unknown) => handleRoomRequest(this, socket, 'join', payload));
    socket.on(EVENTS.leaveRoom, (payload: unknown) => handleRoomRequest(this, socket, 'leave', payload));
    socket.on(EVENTS.updateLocation, (path: unknown) => handleUpdateLocation(socket, path));
    socket.on(EVENTS.intentionalDisconnect, (ack: unknown) => {
      this.#presence?.markTabSwitch(socket);
      // The client disconnects once acknowledged: a disconnect packet read in the same tick would close
      // the socket before Socket.IO dispatches this event (it dispatches on the next tick).
      if (typeof ack === 'function') ack();
    });
    socket.emit(EVENTS.updateSession, JSON.stringify(this.#handshakeSessions.get(socket) ?? null));
    this.#handshakeSessions.delete(socket);
    if (this.#deadTokens.delete(socket)) socket.emit(EVENTS.sessionToken, null);
    this.#presence?.track(socket);
  };

  #attach(socket: Socket, token: string, userId: string): void {
    const previous = socket.data.token as string | undefined;
    if (previous) socket.leave(tokenRoom(previous));
    socket.data.token = token;
    socket.data.userId = userId;
    socket.join([tokenRoom(token), userRoom(userId)]);
  }

  #detach(socket: Socket): void {
    const token = socket.data.token as string | undefined;
    const userId = socket.data.userId as string | undefined;
    if (token) socket.leave(tokenRoom(token));
    if (userId) socket.leave(userRoom(userId));
    socket.data.token = undefined;
    socket.data.userId = undefined;
  }

  #helpersFor(socket: Socket): HandlerFunctions {
    const tokenOf = (): string => {
      const token = socket.data.token as string | undefined;
      if (!token) throw new LuckyError('UNAUTHORIZED', 'Not logged in');
      return token;
    };
    return {
      ...this.#context,
      login: (session) => this.login(session, socket),
      saveSession: (session) => this.saveSession(tokenOf(), session),
      updateSession: (update) => this.updateSession(tokenOf(), update),
      logout: async () => {
        const token = socket.data.token as string | undefined;
        if (!token) return;
        this.#detach(socket);
        await this.endSession(token, 'logout', socket);
        socket.emit(EVENTS.sessionToken, null);
        socket.emit(EVENTS.updateSession, 'null');
      },
    };
  }
}
