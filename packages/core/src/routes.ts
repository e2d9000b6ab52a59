import type { AuthProps } from './auth';
import type { BuiltInApi } from './routeName';
import type { InferInput, StandardSchema } from './schema';

/**
 * Declaration merging point for an app's own types, read by server and client alike:
 * `declare module '@luckystack/core' { interface Register { session: MySession } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by users through declaration merging.
export interface Register {}

/** The session shape: `Register['session']` when an app declares one, otherwise an object with an `id`. */
export type SessionLayout = Register extends { session: infer S }
  ? S
  : { id: string; [key: string]: unknown };

/** What every API handler has, whether from `defineApi` or a module's `auth`/`schema`/`main` exports. */
export interface ApiHandlerShape {
  auth: AuthProps;
  schema?: StandardSchema;
  main: (args: never) => unknown;
}

/** A sync's `_server` handler: validates, may refuse, and its output reaches every receiver. */
export interface SyncServerShape {
  auth?: AuthProps;
  schema?: StandardSchema;
  main: (args: never) => unknown;
}

/** A sync's `_client` handler: runs on the server once per receiver, and may skip or reshape. */
export interface SyncClientShape {
  auth?: AuthProps;
  /** Only read when there is no `_server` handler. */
  schema?: StandardSchema;
  main: (args: never) => unknown;
}

/** A sync event's handlers, as `defineSync` returns them or the generator collects `_server`/`_client` files. */
export interface SyncHandlerShape {
  server?: SyncServerShape;
  client?: SyncClientShape;
}

/** A route table: API handlers and sync handlers by route key (`settings/updateProfile`). */
export interface RouteTableShape {
  api: { [key: string]: ApiHandlerShape };
  sync: { [key: string]: SyncHandlerShape };
}

/** The data a caller sends to an API: the schema's input type, else the `data` type `main` declares. */
export type ApiInput<R> = R extends { schema: infer S extends StandardSchema }
  ? InferInput<S>
  : R extends { main: (args: infer A) => unknown }
    ? A extends { data: infer D }
      ? D
      : Record<string, never>
    : never;

/** What an API answers: the awaited result of its `main`. */
export type ApiOutput<R> = R extends { main: (args: never) => infer O } ? Awaited<O> : never;

/** What the built-in APIs answer. */
export interface BuiltInOutputs {
  session: SessionLayout | null;
  logout: { loggedOut: boolean };
}

/** The `data` type a `main` declares, or `D` when it declares none. */
type DeclaredData<M, Field extends string, D> = M extends (args: infer A) => unknown
  ? A extends { [F in Field]: infer X }
    ? X
    : D
  : D;

type Refusal = { status: 'error' };

type Suffixes<K extends string> = K | (K extends `${string}/${infer Rest}` ? Suffixes<Rest> : never);

/** The route keys of a table's APIs. */
export type ApiKey<T extends RouteTableShape> = Extract<keyof T['api'], string>;

/**
 * Every name a client may call: absolute (`/settings/updateProfile`), relative (`updateProfile`, resolved
 * against the current page at run time) and the built-ins.
 */
export type ApiName<T extends RouteTableShape> = `/${ApiKey<T>}` | Suffixes<ApiKey<T>> | BuiltInApi;

/** The handlers a name may reach: one for an absolute name, every candidate for a relative one. */
export type ApiRouteFor<T extends RouteTableShape, N extends string> = N extends `/${infer K}`
  ? T['api'][K]
  : T['api'][Extract<ApiKey<T>, N | `${string}/${N}`>];

/** The data type of calling `N`. */
export type ApiCallInput<T extends RouteTableShape, N extends string> = N extends BuiltInApi
  ? Record<string, never>
  : ApiInput<ApiRouteFor<T, N>>;

/** The result type of calling `N`. */
export type ApiCallOutput<T extends RouteTableShape, N extends string> = N extends BuiltInApi
  ? BuiltInOutputs[N]
  : ApiOutput<ApiRouteFor<T, N>>;

/** The route keys of a table's sync events. */
export type SyncKey<T extends RouteTableShape> = Extract<keyof T['sync'], string>;

/** Every sync name a client may send or listen to: absolute, or relative to the current page. */
export type SyncName<T extends RouteTableShape> = `/${SyncKey<T>}` | Suffixes<SyncKey<T>>;

/** The sync handlers a name may reach. */
export type SyncRouteFor<T extends RouteTableShape, N extends string> = N extends `/${infer K}`
  ? T['sync'][K]
  : T['sync'][Extract<SyncKey<T>, N | `${string}/${N}`>];

/** The data a sender sends: `_server`'s schema input, else the `clientData` a handler declares. */
export type SyncInput<S> = S extends { server: { schema: infer Schema extends StandardSchema } }
  ? InferInput<Schema>
  : S extends { server: { main: infer M } }
    ? DeclaredData<M, 'clientData', Record<string, unknown>>
    : S extends { client: { schema: infer Schema extends StandardSchema } }
      ? InferInput<Schema>
      : S extends { client: { main: infer M } }
        ? DeclaredData<M, 'clientData', Record<string, unknown>>
        : Record<string, unknown>;

/** What receivers get as `serverOutput`: `_server`'s successful result, or null without one. */
export type SyncServerOutput<S> = S extends { server: { main: (args: never) => infer R } }
  ? Exclude<Awaited<R>, Refusal>
  : null;

/** What receivers get as `clientData`: `_client`'s result without `status`, else the sender's data. */
export type SyncClientData<S> = S extends { client: { main: (args: never) => infer R } }
  ? Omit<Exclude<Awaited<R>, Refusal>, 'status'>
  : SyncInput<S>;

/** What a sync callback receives for name `N`. */
export interface SyncEvent<T extends RouteTableShape, N extends string> {
  /** The sync's route key. */
  name: string;
  clientData: SyncClientData<SyncRouteFor<T, N>>;
  serverOutput: SyncServerOutput<SyncRouteFor<T, N>>;
}

/** A route table that types nothing: any name, any data, an unknown result. */
export interface UntypedRoutes extends RouteTableShape {
  api: Record<string, { auth: AuthProps; main: (args: { data: Record<string, unknown> }) => unknown }>;
  sync: Record<
    string,
    { client: { main: (args: { clientData: Record<string, unknown> }) => Record<string, unknown> } }
  >;
}

/**
 * The default route table of clients and hooks: `Register['routes']` once an app declares
 * `declare module '@luckystack/core' { interface Register { routes: AppRoutes } }`, otherwise untyped.
 */
export type RegisteredRoutes = Register extends { routes: infer R extends RouteTableShape }
  ? R
  : UntypedRoutes;
