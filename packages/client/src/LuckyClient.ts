import {
  type ApiCallInput,
  type ApiCallOutput,
  type ApiName,
  ERROR_CODES,
  type ErrorResponse,
  EVENTS,
  isBuiltInApi,
  isErrorResponse,
  LuckyError,
  RequestTracker,
  type ResponseMessage,
  type RouteKind,
  type RouteTableShape,
  resolveRouteName,
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
import { SyncListeners } from './SyncListeners';

/** A route table that types nothing: any name, any data, an unknown result. */
export interface UntypedRoutes extends RouteTableShape {
  api: Record<
    string,
    { auth: { login: boolean }; main: (args: { data: Record<string, unknown> }) => unknown }
  >;
  sync: Record<string, { client: { main: (args: { clientData: Record<string, unknown> }) => unknown } }>;
}

/** Per-call options shared by every request. */
export interface RequestOptions {
  /** Overrides the client's time-out for this call. */
  timeoutMs?: number;
  /** Aborting rejects the call with the signal's reason, as `fetch` does. */
  signal?: AbortSignal;
}

/** What `apiRequest` takes. `name` is relative to the current page, `/page/name` absolute, or a built-in. */
export interface ApiRequestOptions<T extends RouteTableShape, N extends ApiName<T>> extends RequestOptions {
  name: N;
  data?: ApiCallInput<T, N>;
}

/** What `syncRequest` takes. */
export interface SyncRequestOptions<T extends RouteTableShape, N extends SyncName<T>> extends RequestOptions {
  name: N;
  data?: SyncInput<SyncRouteFor<T, N>>;
  /** A room code the sender has joined, or `'all'` (when the server allows it). */
  receiver: SyncReceiver;
  /** Skip this socket (other sockets of the same user still receive). @defaultValue false */
  ignoreSelf?: boolean;
}

/** The pieces a {@link LuckyClient} is built from. */
export interface LuckyClientParts {
  socket: Socket;
  ownsSocket: boolean;
  getPath: () => string;
  getToken: () => string | null | undefined;
  timeoutMs: number;
  maxInFlight: number;
}

/** Answers share one index space, so one tracker matches `apiResponse-`, `syncResponse-` and `roomResponse-`. */
const ANSWER = /^(?:api|sync|room)Response-(\d+)$/;

/**
 * LuckyStack on one Socket.IO client connection. Requests resolve with their result, or with an
 * {@link ErrorResponse} (`result.status === 'error'`) as the spec shows: they never hang (time-outs,
 * DISCONNECTED when the connection drops) and never throw except when aborted. Joined rooms are rejoined
 * on every reconnect, before the `connect` event.
 */
export class LuckyClient<T extends RouteTableShape = UntypedRoutes> {
  /** The Socket.IO connection. */
  readonly socket: Socket;
  readonly #parts: LuckyClientParts;
  readonly #requests: RequestTracker<ResponseMessage>;
  readonly #syncListeners = new SyncListeners();
  readonly #rooms = new Set<string>();
  readonly #userAuth: Socket['auth'];
  #everConnected: boolean;

  constructor(parts: LuckyClientParts) {
    this.#parts = parts;
    this.socket = parts.socket;
    this.#requests = new RequestTracker({ timeoutMs: parts.timeoutMs, maxInFlight: parts.maxInFlight });
    this.#everConnected = this.socket.connected;
    this.#userAuth = this.socket.auth;
    this.socket.auth = this.#handshakeAuth;
    this.socket.on('connect', this.#onConnect);
    this.socket.on('disconnect', this.#onDisconnect);
    this.socket.on(EVENTS.sync, this.#onSync);
    this.socket.onAny(this.#onAny);
  }

  /** Calls an API and resolves with its result, or with an {@link ErrorResponse}. */
  readonly apiRequest = async <N extends ApiName<T>>(
    request: ApiRequestOptions<T, N>,
  ): Promise<ApiCallOutput<T, N> | ErrorResponse> => {
    const name = isBuiltInApi(request.name) ? request.name : this.#wireName('api', request.name);
    if (name instanceof LuckyError) return name.toResponse();
    const response = await this.#send(EVENTS.apiRequest, { name, data: request.data ?? {} }, request);
    return response.status === 'success' ? (response.result as ApiCallOutput<T, N>) : response;
  };

  /** Sends a sync event; resolves with the confirmation once the server has fanned it out. */
  readonly syncRequest = async <N extends SyncName<T>>(
    request: SyncRequestOptions<T, N>,
  ): Promise<SyncConfirmation | ErrorResponse> => {
    const name = this.#wireName('sync', request.name);
    if (name instanceof LuckyError) return name.toResponse();
    const message = {
      name,
      data: request.data ?? {},
      receiver: request.receiver,
      ignoreSelf: !!request.ignoreSelf,
    };
    const response = await this.#send(EVENTS.sync, message, request);
    return response.status === 'success' ? (response.result as SyncConfirmation) : response;
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
    this.socket.off('connect', this.#onConnect);
    this.socket.off('disconnect', this.#onDisconnect);
    this.socket.off(EVENTS.sync, this.#onSync);
    this.socket.offAny(this.#onAny);
    this.socket.auth = this.#userAuth;
    this.#requests.rejectAll(new LuckyError(ERROR_CODES.DISCONNECTED, 'Client closed'));
    if (this.#parts.ownsSocket) this.socket.disconnect();
  }

  async #send(
    event: string,
    message: Record<string, unknown>,
    options: RequestOptions,
  ): Promise<ResponseMessage> {
    // Before the first connection Socket.IO buffers emits; after a drop, failing at once beats a silent queue.
    if (this.#everConnected && !this.socket.connected) {
      return new LuckyError(ERROR_CODES.DISCONNECTED, 'Not connected').toResponse();
    }
    const { responseIndex, promise } = this.#requests.track(options);
    this.socket.emit(event, { ...message, responseIndex });
    try {
      return await promise;
    } catch (error) {
      if (options.signal?.aborted && error === options.signal.reason) throw error;
      return LuckyError.from(error).toResponse();
    }
  }

  #wireName(kind: RouteKind, name: string): string | LuckyError {
    const key = resolveRouteName(name, this.#parts.getPath());
    return key.ok ? toWireName(kind, key.value) : key.error;
  }

  #syncKey(name: string): string {
    const key = resolveRouteName(name, this.#parts.getPath());
    if (!key.ok) throw key.error;
    return key.value;
  }

  readonly #handshakeAuth = (send: (data: object) => void): void => {
    const extra = { token: this.#parts.getToken() ?? undefined, rooms: [...this.#rooms] };
    const userAuth = this.#userAuth;
    if (typeof userAuth === 'function') userAuth((data) => send({ ...data, ...extra }));
    else send({ ...userAuth, ...extra });
  };

  readonly #onConnect = (): void => {
    this.#everConnected = true;
  };

  readonly #onDisconnect = (): void => {
    this.#requests.rejectAll(
      new LuckyError(ERROR_CODES.DISCONNECTED, 'The connection dropped before the answer came'),
    );
  };

  readonly #onSync = (delivery: SyncDelivery): void => {
    if (typeof delivery === 'object' && delivery !== null && typeof delivery.name === 'string') {
      this.#syncListeners.dispatch(delivery);
    }
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
