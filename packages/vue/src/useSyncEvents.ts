import type { SyncScope } from '@luckystack/client';
import type { RegisteredRoutes, RouteTableShape } from '@luckystack/core';
import { getCurrentScope, onScopeDispose } from 'vue';
import { useLuckyClient } from './useLuckyClient';

/** What {@link useSyncEvents} returns. */
export interface SyncEvents<T extends RouteTableShape = RegisteredRoutes> {
  /** Registers a sync callback for this component: one per name, removed when its scope is disposed. */
  upsertSyncEventCallback: SyncScope<T>['upsertSyncEventCallback'];
}

/** The spec's `useSyncEvents`, scoped to the calling component: its callbacks are removed on dispose. */
export function useSyncEvents<T extends RouteTableShape = RegisteredRoutes>(): SyncEvents<T> {
  const scope = useLuckyClient<T>().createSyncScope();
  if (getCurrentScope()) onScopeDispose(() => scope.close());
  return { upsertSyncEventCallback: scope.upsertSyncEventCallback };
}
