import type { ErrorResponse } from './errors';

/**
 * Every event name on the wire. The spec's table (`apiRequest`, `apiResponse-{id}`, `sync`, `joinRoom`,
 * `updateLocation`, `userAfk`, `userBack`) plus the ones it implies.
 */
export const EVENTS = {
  /** Client → server: an API call ({@link ApiRequestMessage}). */
  apiRequest: 'apiRequest',
  /** Client → server: a sync request ({@link SyncRequestMessage}); server → client: a delivery ({@link SyncDelivery}). */
  sync: 'sync',
  /** Client → server: join a room ({@link RoomRequestMessage}). */
  joinRoom: 'joinRoom',
  /** Client → server: leave a room ({@link RoomRequestMessage}). */
  leaveRoom: 'leaveRoom',
  /** Client → server: the page the user is on (a path string). */
  updateLocation: 'updateLocation',
  /** Client → server: the user left the tab on purpose; the next disconnect gets the tab-switch grace. */
  intentionalDisconnect: 'intentionalDisconnect',
  /** Server → client: a room peer went away ({@link UserAfkMessage}). */
  userAfk: 'userAfk',
  /** Server → client: a room peer came back within its grace time ({@link UserPresenceMessage}). */
  userBack: 'userBack',
  /** Server → client: a room peer stayed away past its grace time and is gone ({@link UserPresenceMessage}). */
  userLeft: 'userLeft',
  /** Server → client: this session was ended elsewhere; the client must drop it ({@link ForceLogoutMessage}). */
  forceLogout: 'forceLogout',
  /** Server → client: the session changed (a JSON string of the session, or `'null'`, as the spec shows). */
  updateSession: 'updateSession',
  /** Server → client: the token of the session this socket now holds (null after logout); keep it to reconnect. */
  sessionToken: 'sessionToken',
} as const;

/** The kinds of request answered on a `{kind}Response-{responseIndex}` event. */
export type ResponseKind = 'api' | 'sync' | 'room';

/** The event that answers request `responseIndex` of a kind: `responseEvent('api', 42) === 'apiResponse-42'`. */
export function responseEvent<K extends ResponseKind>(
  kind: K,
  responseIndex: number,
): `${K}Response-${number}` {
  return `${kind}Response-${responseIndex}`;
}

/** What the client sends on `apiRequest`. `name` is the wire name (`api/settings/updateProfile`, `session`). */
export interface ApiRequestMessage {
  name: string;
  data: Record<string, unknown>;
  responseIndex: number;
  /** Makes the call idempotent: a retry with the same key (per session) gets the first outcome, never a second run. */
  idempotencyKey?: string;
}

/** A successful answer: `{ status: 'success', result }`. */
export interface SuccessResponse<TResult = unknown> {
  status: 'success';
  result: TResult;
}

/** What the server answers on `apiResponse-{responseIndex}` (and `syncResponse-…`, `roomResponse-…`). */
export type ResponseMessage<TResult = unknown> = SuccessResponse<TResult> | ErrorResponse;

/** Who receives a sync: a room code, or `'all'` for every connected socket. */
export type SyncReceiver = 'all' | (string & {});

/** What the client sends on `sync`. `name` is the wire name (`sync/canvas/cursorMove`). */
export interface SyncRequestMessage {
  name: string;
  data: Record<string, unknown>;
  receiver: SyncReceiver;
  ignoreSelf: boolean;
  responseIndex: number;
  /** May be dropped on the way to slow or disconnected receivers (cursor moves). */
  volatile?: boolean;
}

/** What the server confirms to the sender of a sync once it has been fanned out. */
export interface SyncConfirmation {
  /** How many sockets the event was delivered to (0 when the room was empty). */
  delivered: number;
}

/** What each receiver gets on `sync`: the sender's data, `_server`'s output, reshaped by `_client`. */
export interface SyncDelivery<TClient = unknown, TServer = unknown> {
  /** The sync's route key (`canvas/cursorMove`). */
  name: string;
  clientData: TClient;
  serverOutput: TServer;
}

/** What the client sends on `joinRoom` / `leaveRoom`. */
export interface RoomRequestMessage {
  room: string;
  responseIndex: number;
}

/** `userAfk`: a peer went away and may return until `endTime` (ms since epoch). */
export interface UserAfkMessage {
  userId: string;
  endTime: number;
}

/** `userBack` and `userLeft`: which peer. */
export interface UserPresenceMessage {
  userId: string;
}

/** `forceLogout`: why the session ended (`'session-replaced'`, `'logout'`, `'expired'`). */
export interface ForceLogoutMessage {
  reason: string;
}

/** Client → server events, typed the way Socket.IO's typed events expect. */
export interface ClientToServerEvents {
  apiRequest: (message: ApiRequestMessage) => void;
  sync: (message: SyncRequestMessage) => void;
  joinRoom: (message: RoomRequestMessage) => void;
  leaveRoom: (message: RoomRequestMessage) => void;
  updateLocation: (path: string) => void;
  intentionalDisconnect: () => void;
}

/** Server → client events, typed the way Socket.IO's typed events expect. */
export interface ServerToClientEvents {
  [answer: `${ResponseKind}Response-${number}`]: (response: ResponseMessage) => void;
  sync: (delivery: SyncDelivery) => void;
  userAfk: (message: UserAfkMessage) => void;
  userBack: (message: UserPresenceMessage) => void;
  userLeft: (message: UserPresenceMessage) => void;
  forceLogout: (message: ForceLogoutMessage) => void;
  updateSession: (session: string) => void;
  sessionToken: (token: string | null) => void;
}
