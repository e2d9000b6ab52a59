import type { ApiHandlerShape, SyncHandlerShape } from '@luckystack/core';

/** The parts of a route table as users write them; `sync` is optional. */
export interface RoutesInput<
  A extends Record<string, ApiHandlerShape>,
  S extends Record<string, SyncHandlerShape>,
> {
  api?: A;
  sync?: S;
}

/**
 * Builds a route table from handlers keyed by route key (`'settings/updateProfile': defineApi(…)`), keeping
 * every handler's type so `createLuckyClient<typeof routes>()` is typed end to end. Generated manifests
 * call it too, so both ways of registering give the same table.
 */
export function defineRoutes<
  const A extends Record<string, ApiHandlerShape> = Record<never, never>,
  const S extends Record<string, SyncHandlerShape> = Record<never, never>,
>(routes: RoutesInput<A, S>): { api: A; sync: S } {
  return { api: routes.api ?? ({} as A), sync: routes.sync ?? ({} as S) };
}
