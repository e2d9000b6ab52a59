import type { AuthProps, Register, RouteTableShape, SessionLayout } from '@luckystack/core';
import type { ServerOptions } from 'socket.io';
import type { IdempotencyStore } from './idempotency/IdempotencyStore';
import type { SessionStore } from './sessions/SessionStore';

/** The app's own helpers handed to every handler as `functions` (`Register['context']`, e.g. a db client). */
export type AppContext = Register extends { context: infer C } ? C : Record<string, unknown>;

/** The library's helpers, bound to the calling socket's session. */
export interface SessionHelpers {
  /** Starts a session for `session.id` on this connection; returns its new token. */
  login: (session: SessionLayout) => Promise<string>;
  /** Replaces the caller's session (keeping its expiry) and pushes `updateSession` to its sockets. */
  saveSession: (session: SessionLayout) => Promise<void>;
  /**
   * Read-modify-write of the caller's session, atomic against concurrent updates (none is lost) and
   * against logout (never resurrected); pushes `updateSession` and returns the new session.
   */
  updateSession: (update: (session: SessionLayout) => SessionLayout) => Promise<SessionLayout>;
  /** Ends the caller's session. */
  logout: () => Promise<void>;
}

/** What a handler gets as `functions`: the app's context plus {@link SessionHelpers}. */
export type HandlerFunctions = AppContext & SessionHelpers;

/** The caller's session as a handler sees it: guaranteed when `auth.login` is true, else maybe null. */
export type UserFor<A extends AuthProps> = A extends { login: true } ? SessionLayout : SessionLayout | null;

/** What an API handler's `main` receives. */
export interface ApiArgs<TData, A extends AuthProps = AuthProps> {
  /** The request's data, already validated and transformed by the schema when there is one. */
  data: TData;
  /** The caller's session. */
  user: UserFor<A>;
  /** The app's context plus the session helpers. */
  functions: HandlerFunctions;
  /**
   * The call's idempotency key, when the client sent one. LuckyStack runs a keyed call once per session and
   * key; should a server die mid-run, a retry may run it again after the lease, so make effects that must
   * never repeat idempotent on this key (e.g. a unique column).
   */
  idempotencyKey?: string | undefined;
}

/** A route table: API handlers and (later) sync handlers by route key. */
export type RouteTable = RouteTableShape;

/** Where the server reports what it does not send to clients. */
export interface Logger {
  error: (message: string, details?: unknown) => void;
  warn: (message: string, details?: unknown) => void;
}

/** What running on several server processes takes: a Socket.IO adapter and a shared session store. */
export interface ScaleOut {
  /** The Socket.IO adapter that carries events between nodes. */
  adapter: NonNullable<ServerOptions['adapter']>;
  /** Sessions every node can see. */
  sessions: SessionStore;
  /** Idempotent answers every node can see. */
  idempotency: IdempotencyStore;
  /** Closes the connections the scale-out opened. */
  close: () => Promise<void>;
}
