import type { SyncScope } from '@luckystack/client';
import type { RegisteredRoutes, RouteTableShape } from '@luckystack/core';
import { useEffect, useMemo } from 'react';
import { useLuckyClient } from './LuckyProvider';

/** What {@link useSyncEvents} returns. */
export interface SyncEvents<T extends RouteTableShape = RegisteredRoutes> {
  /** Registers a sync callback for this component: one per name, removed when it unmounts. */
  upsertSyncEventCallback: SyncScope<T>['upsertSyncEventCallback'];
}

/** The spec's `useSyncEvents`, scoped to the component: its callbacks are removed on unmount. */
export function useSyncEvents<T extends RouteTableShape = RegisteredRoutes>(): SyncEvents<T> {
  const client = useLuckyClient<T>();
  const scope = useMemo(() => client.createSyncScope(), [client]);
  // clear, not close: StrictMode unmounts and mounts again, and the effects then register anew.
  useEffect(() => () => scope.clear(), [scope]);
  return useMemo(() => ({ upsertSyncEventCallback: scope.upsertSyncEventCallback }), [scope]);
}
