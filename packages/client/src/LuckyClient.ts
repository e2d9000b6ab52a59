import {
  type ApiCallInput,
  type ApiCallOutput,
  type ApiName,
  ERROR_CODES,
  type ErrorResponse,
  EVENTS,
  type ForceLogoutMessage,
  isBuiltInApi,
  isErrorResponse,
  LuckyError,
  type Readable,
  type RegisteredRoutes,
  RequestTracker,
  type ResponseMessage,
  type RouteKind,
  type RouteTableShape,
  resolveRouteName,
  type SessionLayout,
  type SocketStatus,
  Store,
  type SyncConfirmation,
  type SyncDelivery,
  type SyncEvent,
  type SyncInput,
  type SyncName,
  type SyncReceiver,
  type SyncRouteFor,
  toWireName,
} from '@luckystack/core';
import type { Socket } from 'socket.io-client';
import { OfflineQueue, type OfflineQueueOptions } from './OfflineQueue';
import { SocketStatusTracker } from './SocketStatusTracker';
import { SyncListeners } from './SyncListeners';
import { SyncScope } from './SyncScope';
import type { VisibilitySource } from './visibility';

/** Per-call options shared by every request. */
export interface RequestOptions {
  /** Overrides the client's time-out for this call. */
  timeoutMs?: number;
  /** Aborting rejects the call with the signal's reason, as `fetch` does. */
  signal?: AbortSignal;
  /**
   * While the connection is down: `'fail'` answers DISCONNECTED at once; `'queue'` waits (bounded in count
   * and time by the client's `offlineQueue`) and sends once it is back, in order. @defaultValue 'fail'
   */
  offline?: 'fail' | 'queue';
}

/** Whether a sync may be dropped: a volatile one is sent without waiting for (or tracking) a confirmation. */
type Volatile = { volatile: true };

/** What `apiRequest` takes. `name` is relative to the current page, `/page/name` absolute, or a built-in. */
export interface ApiRequestOptions<T extends RouteTableShape, N extends ApiName<T>> extends RequestOptions {
  name: N;
  data?: ApiCallInput<T, N>;
  /**
   * Runs the call at most once: the server keeps its answer for this key, so a call cut off by a dropped
   * connection is sent again after reconnecting and answered once. `true` makes a random key.
   */
  idempotencyKey?: string | true;
}

/** What `syncRequest` takes. */
export interface SyncRequestOptions<T extends RouteTableShape, N extends SyncName<T>> extends RequestOptions {
  name: N;
  data?: SyncInput<SyncRouteFor<T, N>>;
  /** A room code the sender has joined, or `'all'` (when the server allows it). */
  receiver: SyncReceiver;
  /** Skip this socket (other sockets of the same user still receive). @defaultValue false */
  ignoreSelf?: boolean;
  /** May be dropped on the way (cursor moves): sent without a confirmation, resolves `null`. @defaultValue false */
  volatile?: boolean;
}

/** The pieces a {@link LuckyClient} is built from. */
export interface LuckyClientParts {
  socket: Socket;
  ownsSocket: boolean;
  getPath: () => string;
  getToken: () => string | null | undefined;
  /** Called when the server hands this connection a new token (login) or takes it away (null). */
  onToken: ((token: string | null) => void) | undefined;
  timeoutMs: number;
  maxInFlight: number;
  /** With a source, hiding the page sends `intentionalDisconnect` and disconnects; showing it reconnects. */
  visibility: VisibilitySource | undefined;
  offlineQueue: OfflineQueueOptions;
}

const MAX_CACHED_NAMES = 1000;

/** Answers share one index space, so one tracker matches `apiResponse-`, `syncResponse-` and `roomResponse-`. */
const ANSWER = /^(?:api|sync|room)Response-(\d+)$/;

/**
 * LuckyStack on one Socket.IO client connection. Requests resolve with their result, or with an
 * {@link ErrorResponse} (`result.status === 'error'`) as the spec shows: they never hang (time-outs,
 * DISCONNECTED when the connection drops) and never throw except when aborted. Joined rooms are rejoined
 * on every reconnect, before the `connect` event.
 */
export class LuckyClient<T extends RouteTableShape = RegisteredRoutes> {
  /** The Socket.IO connection. */
  readonly socket: Socket;
  readonly #parts: LuckyClientParts;
  readonly #requests: RequestTracker<ResponseMessage>;
  readonly #syncListeners = new SyncListeners();
  readonly #rooms = new Set<string>();
  /** Resolved wire names by kind, page and name: resolving checks every segment, on every call otherwise. */
  readonly #wireNames = new Map<string, string>();
  readonly #userAuth: Socket['auth'];
  readonly #session = new Store<SessionLayout | null>(null);
  readonly #status: SocketStatusTracker;
  readonly #stopVisibility: () => void;
  /** Why the next `disconnect` happens, when we know better than Socket.IO's reason. */
  #disconnectReason: 'forceLogout' | 'hidden' | undefined;
  readonly #queue: OfflineQueue;
  /** Keyed calls in flight, sent again after a reconnect: safe, since the server runs each key once. */
  readonly #resendable = new Map<number, { event: string; payload: Record<string, unknown> }>();
  readonly #forceLogoutListeners = new Set<(message: ForceLogoutMessage) => void>();
  /** The token from the server (login), once there is one; `undefined` defers to the `token` option. */
  #token: string | null | undefined;
  #everConnected: boolean;

  constructor(parts: LuckyClientParts) {
    this.#parts = parts;
    this.socket = parts.socket;
    this.#requests = new RequestTracker({ timeoutMs: parts.timeoutMs, maxInFlight: parts.maxInFlight });
    this.#queue = new OfflineQueue(parts.offlineQueue, (count) =>
      this.#status.update({ type: 'queued', count }),
    );
    this.#everConnected = this.socket.connected;
    this.#userAuth = this.socket.auth;
    this.socket.auth = this.#handshakeAuth;
    for (const [event, listener] of this.#listeners()) this.socket.on(event, listener);
    this.socket.onAny(this.#onAny);
    this.#status = new SocketStatusTracker(this.socket);
    this.#stopVisibility = parts.visibility?.subscribe(this.#onVisibilityChange) ?? (() => {});
  }

  /** The spec's socket status: `self` (this connection) plus the peers the activity broadcaster reported. */
  get status(): Readable<SocketStatus> {
    return this.#status.status;
  }

  /** The session of this connection as the server last sent it (null when anonymous). */
  get session(): Readable<SessionLayout | null> {
    return this.#session;
  }

  /** Calls `callback` with every session the server pushes (`updateSession`); returns the function that stops it. */
  readonly onSessionUpdate = (callback: (session: SessionLayout | null) => void): (() => void) =>
    this.#session.subscribe(() => callback(this.#session.getSnapshot()));

  /** Calls `callback` when the server ends this session (login elsewhere, logout in another tab). */
  readonly onForceLogout = (callback: (message: ForceLogoutMessage) => void): (() => void) => {
    const entry = (message: ForceLogoutMessage) => callback(message);
    this.#forceLogoutListeners.add(entry);
    return () => {
      this.#forceLogoutListeners.delete(entry);
    };
  };

  /** Calls an API and resolves with its result, or with an {@link ErrorResponse}. */
  readonly apiRequest = async <N extends ApiName<T>>(
    request: ApiRequestOptions<T, N>,
  ): Promise<ApiCallOutput<T, N> | ErrorResponse> => {
    const name = isBuiltInApi(request.name) ? request.name : this.#wireName('api', request.name);
    if (name instanceof LuckyError) return name.toResponse();
    const key = request.idempotencyKey === true ? randomKey() : request.idempotencyKey;
    const message = { name, data: request.data ?? {}, ...(key !== undefined && { idempotencyKey: key }) };
    const response = await this.#send(EVENTS.apiRequest, message, request, key !== undefined);
    return response.status === 'success' ? (response.result as ApiCallOutput<T, N>) : response;
  };

  /** Sends a sync event; resolves with the confirmation once the server has fanned it out. */
  readonly syncRequest = async <N extends SyncName<T>, R extends SyncRequestOptions<T, N>>(
    request: R & SyncRequestOptions<T, N>,
  ): Promise<R extends Volatile ? null | ErrorResponse : SyncConfirmation | ErrorResponse> => {
    type Answer = R extends Volatile ? null | ErrorResponse : SyncConfirmation | ErrorResponse;
    const name = this.#wireName('sync', request.name);
    if (name instanceof LuckyError) return name.toResponse() as Answer;
    const message = {
      name,
      data: request.data ?? {},
      receiver: request.receiver,
      ignoreSelf: !!request.ignoreSelf,
    };
    if (request.volatile) {
      // Nobody waits for the answer to a volatile sync, so its index is not tracked (no time-out entry).
      this.socket.volatile.emit(EVENTS.sync, { ...message, volatile: true, responseIndex: 0 });
      return null as Answer;
    }
    const response = await this.#send(EVENTS.sync, message, request);
    return (response.status === 'success' ? (response.result as SyncConfirmation) : response) as Answer;
  };

  /**
   * Calls `callback` for every delivery of sync `name` (relative names resolve against the current page
   * now, so a callback only hears its own page's event). Returns the function that removes it.
   */
  readonly onSync = <N extends SyncName<T>>(
    name: N,
    callback: (event: SyncEvent<T, N>) => void,
  ): (() => void) =>
    this.#syncListeners.add(this.#syncKey(name), callback as (delivery: SyncDelivery) => void);

  /** The spec's `upsertSyncEventCallback`: like {@link onSync}, but one callback per name, replaced on each call. */
  readonly upsertSyncEventCallback = <N extends SyncName<T>>(
    name: N,
    callback: (event: SyncEvent<T, N>) => void,
  ): (() => void) =>
    this.#syncListeners.upsert(this.#syncKey(name), callback as (delivery: SyncDelivery) => void);

  /** A new {@link SyncScope}: sync callbacks with one owner, removed together (one per component in the bindings). */
  readonly createSyncScope = (): SyncScope<T> => new SyncScope<T>(this);

  /** Joins a room; resolves `true`, or an {@link ErrorResponse}. The room is rejoined after reconnects. */
  readonly joinRoom = async (room: string, options: RequestOptions = {}): Promise<true | ErrorResponse> => {
    const response = await this.#send(EVENTS.joinRoom, { room }, options);
    if (response.status === 'error') return response;
    this.#rooms.add(room);
    return true;
  };

  /** Leaves a room; resolves `true`, or an {@link ErrorResponse}. */
  readonly leaveRoom = async (room: string, options: RequestOptions = {}): Promise<true | ErrorResponse> => {
    this.#rooms.delete(room);
    const response = await this.#send(EVENTS.leaveRoom, { room }, options);
    return response.status === 'error' ? response : true;
  };

  /** Tells the server which page this tab is on. @defaultValue the current page */
  readonly updateLocation = (path: string = this.#parts.getPath()): void => {
    this.socket.emit(EVENTS.updateLocation, path);
  };

  /** The rooms this client has joined (and will rejoin after a reconnect). */
  get rooms(): ReadonlySet<string> {
    return this.#rooms;
  }

  /** How many sync callbacks are registered. */
  get syncCallbackCount(): number {
    return this.#syncListeners.size;
  }

  /** Stops listening; disconnects the socket when the client created it. Calls in flight fail DISCONNECTED. */
  close(): void {
    for (const [event, listener] of this.#listeners()) this.socket.off(event, listener);
    this.#status.close();
    this.socket.offAny(this.#onAny);
    this.#stopVisibility();
    this.socket.auth = this.#userAuth;
    const closed = new LuckyError(ERROR_CODES.DISCONNECTED, 'Client closed');
    this.#queue.clear(closed);
    this.#requests.rejectAll(closed);
    if (this.#parts.ownsSocket) this.socket.disconnect();
  }

  /**
   * Sends a request and waits for its answer. Before the first connection Socket.IO buffers emits; after a
   * drop, a call fails at once unless it asked to be queued. A `resendable` call (one with an idempotency
   * key) in flight when the connection drops is sent again after reconnecting instead of failing.
   */
  async #send(
    event: string,
    message: Record<string, unknown>,
    options: RequestOptions,
    resendable = false,
  ): Promise<ResponseMessage> {
    try {
      if (this.#everConnected && !this.socket.connected) {
        if (options.offline !== 'queue')
          return new LuckyError(ERROR_CODES.DISCONNECTED, 'Not connected').toResponse();
        await this.#queue.wait(options.signal);
      }
      const { responseIndex, promise } = this.#requests.track(options);
      const payload = { ...message, responseIndex };
      if (resendable) this.#resendable.set(responseIndex, { event, payload });
      this.socket.emit(event, payload);
      try {
        return await promise;
      } finally {
        this.#resendable.delete(responseIndex);
      }
    } catch (error) {
      if (options.signal?.aborted && error === options.signal.reason) throw error;
      return LuckyError.from(error).toResponse();
    }
  }

  /** Every socket listener of the client, in one list so `close` removes exactly what the constructor added. */
  #listeners(): [string, Parameters<Socket['on']>[1]][] {
    return [
      ['connect', this.#onConnect],
      ['disconnect', this.#onDisconnect],
      [EVENTS.sync, this.#onSync],
      [EVENTS.updateSession, this.#onUpdateSession],
      [EVENTS.sessionToken, this.#onSessionToken],
      [EVENTS.forceLogout, this.#onForceLogout],
    ];
  }

  #wireName(kind: RouteKind, name: string): string | LuckyError {
    const path = this.#parts.getPath();
    const cacheKey = `${kind}\0${path}\0${name}`;
    const cached = this.#wireNames.get(cacheKey);
    if (cached !== undefined) return cached;
    const key = resolveRouteName(name, path);
    if (!key.ok) return key.error;
    // Names and pages are few; the bound only guards against an app that generates names.
    if (this.#wireNames.size >= MAX_CACHED_NAMES) this.#wireNames.clear();
    const wireName = toWireName(kind, key.value);
    this.#wireNames.set(cacheKey, wireName);
    return wireName;
  }

  #syncKey(name: string): string {
    const key = resolveRouteName(name, this.#parts.getPath());
    if (!key.ok) throw key.error;
    return key.value;
  }

  readonly #handshakeAuth = (send: (data: object) => void): void => {
    const token = this.#token === undefined ? this.#parts.getToken() : this.#token;
    const extra = { token: token ?? undefined, rooms: [...this.#rooms] };
    const userAuth = this.#userAuth;
    if (typeof userAuth === 'function') userAuth((data) => send({ ...data, ...extra }));
    else send({ ...userAuth, ...extra });
  };

  readonly #onConnect = (): void => {
    this.#everConnected = true;
    this.#disconnectReason = undefined;
    this.#status.update({ type: 'connect' });
    // Calls cut off mid-flight go first (they were made first), then the queue, oldest first.
    for (const { event, payload } of this.#resendable.values()) this.socket.emit(event, payload);
    this.#queue.flush();
  };

  readonly #onDisconnect = (reason: string): void => {
    this.#requests.rejectAll(
      new LuckyError(ERROR_CODES.DISCONNECTED, 'The connection dropped before the answer came'),
      (responseIndex) => this.#resendable.has(responseIndex),
    );
    this.#status.update({ type: 'disconnect', reason: this.#disconnectReason ?? reason });
  };

  readonly #onVisibilityChange = (): void => {
    const hidden = this.#parts.visibility?.isHidden() ?? false;
    if (hidden && this.socket.connected) {
      this.#disconnectReason = 'hidden';
      // Disconnect once the server has noted the tab switch (or after a second without an answer).
      this.socket.timeout(1000).emit(EVENTS.intentionalDisconnect, () => {
        if (this.#disconnectReason === 'hidden') this.socket.disconnect();
      });
    } else if (!hidden && this.#disconnectReason === 'hidden') {
      if (this.socket.connected) this.#disconnectReason = undefined;
      else this.socket.connect();
    }
  };

  readonly #onSync = (delivery: SyncDelivery): void => {
    if (typeof delivery === 'object' && delivery !== null && typeof delivery.name === 'string') {
      this.#syncListeners.dispatch(delivery);
    }
  };

  readonly #onUpdateSession = (json: unknown): void => {
    if (typeof json !== 'string') return;
    try {
      const session: unknown = JSON.parse(json);
      this.#session.setState(typeof session === 'object' ? (session as SessionLayout | null) : null);
    } catch {
      // A malformed push changes nothing; the next one corrects the snapshot.
    }
  };

  readonly #onSessionToken = (token: unknown): void => {
    if (token !== null && typeof token !== 'string') return;
    this.#token = token;
    this.#parts.onToken?.(token);
  };

  readonly #onForceLogout = (message: ForceLogoutMessage): void => {
    this.#disconnectReason = 'forceLogout';
    this.#onSessionToken(null);
    this.#session.setState(null);
    for (const listener of [...this.#forceLogoutListeners]) listener(message);
  };

  readonly #onAny = (event: string, payload: unknown): void => {
    const match = ANSWER.exec(event);
    if (match) this.#requests.resolve(Number(match[1]), toResponse(payload));
  };
}

function toResponse(payload: unknown): ResponseMessage {
  if (isErrorResponse(payload)) return payload;
  if (
    typeof payload === 'object' &&
    payload !== null &&
    (payload as { status?: unknown }).status === 'success'
  ) {
    return payload as ResponseMessage;
  }
  return new LuckyError(ERROR_CODES.INTERNAL, 'Malformed answer from the server').toResponse();
}

/** A random idempotency key (128 bits, hex), from the platform's CSPRNG. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
