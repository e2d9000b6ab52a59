import type { SyncScope } from '@luckystack/client';
import type { RegisteredRoutes, RouteTableShape } from '@luckystack/core';
import { onDestroy } from 'svelte';
import { useLuckyClient } from './context';

/** What {@link useSyncEvents} returns. */
export interface SyncEvents<T extends RouteTableShape = RegisteredRoutes> {
  /** Registers a sync callback for this component: one per name, removed when it is destroyed. */
  upsertSyncEventCallback: SyncScope<T>['upsertSyncEventCallback'];
}

/** The spec's `useSyncEvents`, scoped to the calling component: no callback outlives it. */
export function useSyncEvents<T extends RouteTableShape = RegisteredRoutes>(): SyncEvents<T> {
  const scope = useLuckyClient<T>().createSyncScope();
  onDestroy(() => scope.close());
  return { upsertSyncEventCallback: scope.upsertSyncEventCallback };
}
