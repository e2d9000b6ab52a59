import type { AuthProps, InferOutput, StandardSchema } from '@luckystack/core';
import type { ApiArgs } from './types';

/** An API handler whose data is validated by `schema` (a Zod schema or any Standard Schema). */
export interface SchemaApi<A extends AuthProps, S extends StandardSchema, R> {
  /** Who may call it; required, there is no default. */
  auth: A;
  /** Validates and transforms `data` before `main` runs. */
  schema: S;
  /** The handler; what it returns is the caller's result. */
  main: (args: ApiArgs<InferOutput<S>, A>) => R;
}

/** An API handler without a schema; `data` is whatever `main` declares (unvalidated). */
export interface PlainApi<A extends AuthProps, D, R> {
  /** Who may call it; required, there is no default. */
  auth: A;
  schema?: undefined;
  /** The handler; what it returns is the caller's result. */
  main: (args: ApiArgs<D, A>) => R;
}

/**
 * Declares an API handler in code, typed from its parts: `user` is non-null when `auth.login` is true and
 * `data` is the schema's output. The same shape as a route module's `auth`/`schema`/`main` exports.
 */
export function defineApi<const A extends AuthProps, S extends StandardSchema, R>(
  api: SchemaApi<A, S, R>,
): SchemaApi<A, S, R>;
export function defineApi<const A extends AuthProps, R, D = Record<string, never>>(
  api: PlainApi<A, D, R>,
): PlainApi<A, D, R>;
export function defineApi(api: unknown): unknown {
  return api;
}
