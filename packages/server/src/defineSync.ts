import type { AuthProps, InferOutput, SessionLayout, StandardSchema } from '@luckystack/core';
import type { HandlerFunctions, UserFor } from './types';

/** What a sync's `_server` handler receives. */
export interface SyncServerArgs<D, A extends AuthProps = AuthProps> {
  /** The sender's data, validated by the schema when there is one. */
  clientData: D;
  /** The sender's session. */
  user: UserFor<A>;
  functions: HandlerFunctions;
  /** The receiver: a room code or `'all'`. */
  roomCode: string;
}

/** What a sync's `_client` handler receives, once per receiver. */
export interface SyncClientArgs<D, O> {
  clientData: D;
  /** `_server`'s output (null without a `_server` handler). */
  serverOutput: O;
  /** The receiver's session (null for an anonymous receiver). */
  user: SessionLayout | null;
  roomCode: string;
}

/** A `_server` result: `{ status: 'error', message }` refuses the sync; anything else is the output. */
export type SyncServerResult =
  | { status: 'error'; message?: string; errorCode?: string }
  | Record<string, unknown>;

/** A `_client` result: `{ status: 'error' }` skips this receiver; otherwise what the receiver gets. */
export type SyncClientResult = { status: 'error' } | ({ status: 'success' } & Record<string, unknown>);

/** The schema's output when there is a schema; otherwise what the handlers declare (`D`). */
type Data<S, D> = [S] extends [StandardSchema] ? (unknown extends InferOutput<S> ? D : InferOutput<S>) : D;
type MaybePromise<T> = T | Promise<T>;

/** A sync defined in code: one `auth` for both sides, optional schema, `_server` and `_client` handlers. */
export interface SyncDefinition<A extends AuthProps, S, D, SR, CR> {
  /** Who may send it; required even without a `_server` handler. */
  auth: A;
  /** Validates the sender's data before `server` runs. */
  schema?: S;
  /** The `_server` handler. */
  server?: (args: SyncServerArgs<Data<S, D>, A>) => SR;
  /** The `_client` handler. */
  client?: (args: SyncClientArgs<Data<S, D>, Exclude<Awaited<SR>, { status: 'error' }>>) => CR;
}

/** The `_server` half of a sync as `defineSync` returns it (the shape of a `{name}_server.ts` module). */
export interface SyncServerSide<A, S, D, SR> {
  auth: A;
  schema?: S;
  main: (args: SyncServerArgs<D, A & AuthProps>) => SR;
}
/** The `_client` half of a sync as `defineSync` returns it (the shape of a `{name}_client.ts` module). */
export interface SyncClientSide<A, D, O, CR, S = undefined> {
  auth: A;
  schema?: S;
  main: (args: SyncClientArgs<D, O>) => CR;
}

/**
 * Declares a sync event in code, in the same shape the generator builds from `{name}_server.ts` and
 * `{name}_client.ts`. `auth` is required: a sync with only a `client` handler is still guarded.
 */
export function defineSync<
  const A extends AuthProps,
  SR extends MaybePromise<SyncServerResult>,
  CR extends MaybePromise<SyncClientResult>,
  S extends StandardSchema | undefined = undefined,
  D = Record<string, unknown>,
>(
  sync: SyncDefinition<A, S, D, SR, CR> & { server: unknown; client: unknown },
): {
  server: SyncServerSide<A, S, Data<S, D>, SR>;
  client: SyncClientSide<A, Data<S, D>, Exclude<Awaited<SR>, { status: 'error' }>, CR>;
};
export function defineSync<
  const A extends AuthProps,
  SR extends MaybePromise<SyncServerResult>,
  S extends StandardSchema | undefined = undefined,
  D = Record<string, unknown>,
>(
  sync: SyncDefinition<A, S, D, SR, never> & { server: unknown },
): { server: SyncServerSide<A, S, Data<S, D>, SR> };
export function defineSync<
  const A extends AuthProps,
  CR extends MaybePromise<SyncClientResult>,
  S extends StandardSchema | undefined = undefined,
  D = Record<string, unknown>,
>(
  sync: SyncDefinition<A, S, D, null, CR> & { client: unknown },
): { server?: undefined; client: SyncClientSide<A, Data<S, D>, null, CR, S> };
export function defineSync(sync: {
  auth: AuthProps;
  schema?: StandardSchema;
  server?: (args: never) => unknown;
  client?: (args: never) => unknown;
}): unknown {
  // The schema sits on the side that runs first, as it would in a `_server.ts` (or lone `_client.ts`) file.
  return {
    ...(sync.server && { server: { auth: sync.auth, schema: sync.schema, main: sync.server } }),
    ...(sync.client && {
      client: { auth: sync.auth, ...(!sync.server && { schema: sync.schema }), main: sync.client },
    }),
  };
}
