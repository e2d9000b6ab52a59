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
  type RouteTableShape,
  resolveRouteName,
  toWireName,
} from '@luckystack/core';
import type { Socket } from 'socket.io-client';

/** A route table that types nothing: any name, any data, an unknown result. */
export interface UntypedRoutes extends RouteTableShape {
  api: Record<
    string,
    { auth: { login: boolean }; main: (args: { data: Record<string, unknown> }) => unknown }
  >;
  sync: Record<string, unknown>;
}

/** What `apiRequest` takes. `name` is relative to the current page, `/page/name` absolute, or a built-in. */
export interface ApiRequestOptions<T extends RouteTableShape, N extends ApiName<T>> {
  name: N;
  data?: ApiCallInput<T, N>;
  /** Overrides the client's time-out for this call. */
  timeoutMs?: number;
  /** Aborting rejects the call with the signal's reason, as `fetch` does. */
  signal?: AbortSignal;
}

/** The pieces a {@link LuckyClient} is built from. */
export interface LuckyClientParts {
  socket: Socket;
  ownsSocket: boolean;
  getPath: () => string;
  timeoutMs: number;
  maxInFlight: number;
}

const API_RESPONSE_PREFIX = 'apiResponse-';

/**
 * LuckyStack on one Socket.IO client connection. `apiRequest` resolves with the handler's result, or with
 * an {@link ErrorResponse} (`result.status === 'error'`) as the spec shows: it never hangs (time-outs,
 * DISCONNECTED when the connection drops) and never throws except when aborted.
 */
export class LuckyClient<T extends RouteTableShape = UntypedRoutes> {
  /** The Socket.IO connection. */
  readonly socket: Socket;
  readonly #parts: LuckyClientParts;
  readonly #api: RequestTracker<ResponseMessage>;
  #everConnected = false;

  constructor(parts: LuckyClientParts) {
    this.#parts = parts;
    this.socket = parts.socket;
    this.#api = new RequestTracker({ timeoutMs: parts.timeoutMs, maxInFlight: parts.maxInFlight });
    this.#everConnected = this.socket.connected;
    this.socket.on('connect', this.#onConnect);
    this.socket.on('disconnect', this.#onDisconnect);
    this.socket.onAny(this.#onAny);
  }

  /** Calls an API and resolves with its result, or with an {@link ErrorResponse}. */
  readonly apiRequest = async <N extends ApiName<T>>(
    request: ApiRequestOptions<T, N>,
  ): Promise<ApiCallOutput<T, N> | ErrorResponse> => {
    const wireName = this.#wireName(request.name);
    if (wireName instanceof LuckyError) return wireName.toResponse();
    if (this.#everConnected && !this.socket.connected) {
      return new LuckyError(ERROR_CODES.DISCONNECTED, 'Not connected').toResponse();
    }
    const { responseIndex, promise } = this.#api.track({
      timeoutMs: request.timeoutMs,
      signal: request.signal,
    });
    this.socket.emit(EVENTS.apiRequest, { name: wireName, data: request.data ?? {}, responseIndex });
    let response: ResponseMessage;
    try {
      response = await promise;
    } catch (error) {
      if (request.signal?.aborted && error === request.signal.reason) throw error;
      return LuckyError.from(error).toResponse();
    }
    return response.status === 'success' ? (response.result as ApiCallOutput<T, N>) : response;
  };

  /** Stops listening; disconnects the socket when the client created it. Calls in flight fail DISCONNECTED. */
  close(): void {
    this.socket.off('connect', this.#onConnect);
    this.socket.off('disconnect', this.#onDisconnect);
    this.socket.offAny(this.#onAny);
    this.#api.rejectAll(new LuckyError(ERROR_CODES.DISCONNECTED, 'Client closed'));
    if (this.#parts.ownsSocket) this.socket.disconnect();
  }

  #wireName(name: string): string | LuckyError {
    if (isBuiltInApi(name)) return name;
    const key = resolveRouteName(name, this.#parts.getPath());
    return key.ok ? toWireName('api', key.value) : key.error;
  }

  readonly #onConnect = (): void => {
    this.#everConnected = true;
  };

  readonly #onDisconnect = (): void => {
    this.#api.rejectAll(
      new LuckyError(ERROR_CODES.DISCONNECTED, 'The connection dropped before the answer came'),
    );
  };

  readonly #onAny = (event: string, payload: unknown): void => {
    if (!event.startsWith(API_RESPONSE_PREFIX)) return;
    const responseIndex = Number(event.slice(API_RESPONSE_PREFIX.length));
    this.#api.resolve(responseIndex, toResponse(payload));
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
