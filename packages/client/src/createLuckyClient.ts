import type { RegisteredRoutes, RouteTableShape } from '@luckystack/core';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { LuckyClient } from './LuckyClient';
import type { OfflineQueueOptions } from './OfflineQueue';
import { browserVisibility, type VisibilitySource } from './visibility';

/** Options of {@link createLuckyClient}: a server URL to connect to, or a socket you created. */
export type LuckyClientOptions = (
  | { url: string; socket?: undefined }
  | { socket: Socket; url?: undefined }
) & {
  /** Extra Socket.IO options when the client creates the socket from `url`. */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
  /** The session token sent in the handshake (`auth.token`) on every (re)connect, until the server sends a new one. */
  token?: string | (() => string | null | undefined);
  /** Called with the token the server hands out at login (null at logout or when kicked): persist it here. */
  onToken?: (token: string | null) => void;
  /** The current page, for relative API names. @defaultValue `location.pathname`, or `/` outside a browser */
  getPath?: () => string;
  /** How long a call waits for its answer. @defaultValue 15000 */
  timeoutMs?: number;
  /** How many calls may wait at once; one more answers RATE_LIMITED. @defaultValue 1000 */
  maxInFlight?: number;
  /** Bounds of the queue for calls made with `offline: 'queue'` while disconnected. @defaultValue { maxSize: 100, ttlMs: 30000 } */
  offlineQueue?: Partial<OfflineQueueOptions>;
  /**
   * Report tab switches to the server's activity broadcaster: hiding the page sends `intentionalDisconnect`
   * and disconnects, showing it reconnects. `true` uses the browser's page visibility. @defaultValue false
   */
  activity?: boolean | { visibility: VisibilitySource };
};

function browserPath(): string {
  return typeof location === 'undefined' ? '/' : location.pathname;
}

/**
 * Connects LuckyStack's client to a server. Pass the server's route table type for end-to-end types:
 * `createLuckyClient<AppRoutes>({ url })`.
 */
export function createLuckyClient<T extends RouteTableShape = RegisteredRoutes>(
  options: LuckyClientOptions,
): LuckyClient<T> {
  const { token } = options;
  return new LuckyClient<T>({
    socket: options.socket ?? io(options.url, options.socketOptions),
    ownsSocket: options.socket === undefined,
    getToken: typeof token === 'function' ? token : () => token,
    onToken: options.onToken,
    getPath: options.getPath ?? browserPath,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxInFlight: options.maxInFlight ?? 1000,
    offlineQueue: { maxSize: 100, ttlMs: 30_000, ...options.offlineQueue },
    visibility:
      options.activity === true
        ? browserVisibility()
        : options.activity
          ? options.activity.visibility
          : undefined,
  });
}
