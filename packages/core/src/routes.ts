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

/** A route table: API handlers and sync handlers by route key (`settings/updateProfile`). */
export interface RouteTableShape {
  api: { [key: string]: ApiHandlerShape };
  sync: { [key: string]: unknown };
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
