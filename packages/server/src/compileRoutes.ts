import {
  type AuthCheck,
  compileAuth,
  isStandardSchema,
  resolveRouteName,
  type StandardSchema,
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

/**
 * Turns a route table into a lookup map, refusing at load time any key that is not a canonical route
 * name and any handler without an `auth` policy. A Map, so hostile names never reach prototype keys.
 */
export function compileRoutes(routes: RouteTable): Map<string, CompiledApi> {
  const api = new Map<string, CompiledApi>();
  for (const [key, handler] of Object.entries(routes.api)) {
    const resolved = resolveRouteName(`/${key}`);
    if (!resolved.ok || resolved.value !== key) {
      refuse('api', key, `is not a valid route key (expected "page/name", e.g. "settings/updateProfile")`);
    }
    api.set(key, compileApi(key, handler));
  }
  return api;
}
