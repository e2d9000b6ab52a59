import {
  type AuthCheck,
  compileAuth,
  isStandardSchema,
  resolveRouteName,
  type StandardSchema,
  toWireName,
} from '@luckystack/core';
import type { RouteTable } from './types';

/** An API handler checked and prepared once at load time. */
export interface CompiledApi {
  key: string;
  checkAuth: AuthCheck;
  schema: StandardSchema | undefined;
  main: (args: never) => unknown;
}

function refuse(kind: string, key: string, why: string): never {
  throw new TypeError(`LuckyStack: ${kind} route "${key}" ${why}`);
}

/** Checks one API handler (from `defineApi` or a route module) and compiles its auth policy. */
export function compileApi(key: string, handler: unknown): CompiledApi {
  if (typeof handler !== 'object' || handler === null) refuse('api', key, 'is not a handler object');
  const { auth, schema, main } = handler as Record<string, unknown>;
  if (auth === undefined) {
    refuse(
      'api',
      key,
      'has no `auth` export. Every handler declares who may call it, e.g. `export const auth = { login: true }` (or `{ login: false }` for a public API).',
    );
  }
  const check = compileAuth(auth);
  if (!check.ok) refuse('api', key, `has an invalid \`auth\`: ${check.error.message}`);
  if (typeof main !== 'function') refuse('api', key, 'has no `main` function');
  if (schema !== undefined && !isStandardSchema(schema)) {
    refuse('api', key, 'has a `schema` that is not a Zod schema (or another Standard Schema)');
  }
  return { key, checkAuth: check.value, schema, main: main as CompiledApi['main'] };
}

/** A sync event checked and prepared once at load time. */
export interface CompiledSync {
  key: string;
  checkAuth: AuthCheck;
  schema: StandardSchema | undefined;
  server: ((args: never) => unknown) | undefined;
  client: ((args: never) => unknown) | undefined;
}

function sideOf(key: string, handler: Record<string, unknown>, side: 'server' | 'client') {
  const part = handler[side];
  if (part === undefined) return undefined;
  if (typeof part !== 'object' || part === null || typeof (part as { main?: unknown }).main !== 'function') {
    refuse('sync', key, `has a \`${side}\` part without a \`main\` function`);
  }
  return part as { auth?: unknown; schema?: unknown; main: (args: never) => unknown };
}

/** Checks one sync event (from `defineSync` or `_server`/`_client` modules) and compiles its auth policy. */
export function compileSync(key: string, handler: unknown): CompiledSync {
  if (typeof handler !== 'object' || handler === null) refuse('sync', key, 'is not a handler object');
  const record = handler as Record<string, unknown>;
  const server = sideOf(key, record, 'server');
  const client = sideOf(key, record, 'client');
  if (!server && !client) refuse('sync', key, 'has neither a `_server` nor a `_client` handler');
  const auth = server?.auth ?? client?.auth;
  if (auth === undefined) {
    refuse(
      'sync',
      key,
      'has no `auth`. Export it from the `_server` file (or the `_client` file when there is no `_server`), e.g. `export const auth = { login: true }`.',
    );
  }
  const check = compileAuth(auth);
  if (!check.ok) refuse('sync', key, `has an invalid \`auth\`: ${check.error.message}`);
  const schema = server ? server.schema : client?.schema;
  if (schema !== undefined && !isStandardSchema(schema)) {
    refuse('sync', key, 'has a `schema` that is not a Zod schema (or another Standard Schema)');
  }
  return { key, checkAuth: check.value, schema, server: server?.main, client: client?.main };
}

/** The compiled route table: API handlers and sync events by route key. */
export interface CompiledRoutes {
  api: Map<string, CompiledApi>;
  sync: Map<string, CompiledSync>;
  /** The same handlers by wire name (`api/page/name`), so a known name is found without parsing it again. */
  apiByWireName: Map<string, CompiledApi>;
  syncByWireName: Map<string, CompiledSync>;
}

/**
 * Turns a route table into lookup maps, refusing at load time any key that is not a canonical route
 * name and any handler without an `auth` policy. A Map, so hostile names never reach prototype keys.
 */
export function compileRoutes(routes: RouteTable): CompiledRoutes {
  const api = compileTable('api', routes.api, compileApi);
  const sync = compileTable('sync', routes.sync, compileSync);
  return {
    api,
    sync,
    apiByWireName: new Map([...api].map(([key, route]) => [toWireName('api', key), route])),
    syncByWireName: new Map([...sync].map(([key, route]) => [toWireName('sync', key), route])),
  };
}

function compileTable<T>(
  kind: string,
  table: Record<string, unknown> | undefined,
  compile: (key: string, handler: unknown) => T,
): Map<string, T> {
  const compiled = new Map<string, T>();
  for (const [key, handler] of Object.entries(table ?? {})) {
    const resolved = resolveRouteName(`/${key}`);
    if (!resolved.ok || resolved.value !== key) {
      refuse(kind, key, `is not a valid route key (expected "page/name", e.g. "settings/updateProfile")`);
    }
    compiled.set(key, compile(key, handler));
  }
  return compiled;
}
