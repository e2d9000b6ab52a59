import type { LuckyClient, UntypedRoutes } from '@luckystack/client';
import type { RouteTableShape } from '@luckystack/core';
import { onDestroy } from 'svelte';
import { useLuckyClient } from './context';

/** What {@link useSyncEvents} returns. */
export interface SyncEvents<T extends RouteTableShape = UntypedRoutes> {
  /** The client's `upsertSyncEventCallback`, with the callback removed when the component is destroyed. */
  upsertSyncEventCallback: LuckyClient<T>['upsertSyncEventCallback'];
}

/** The spec's sync callback registry, scoped to the calling component: no callback outlives it. */
export function useSyncEvents<T extends RouteTableShape = UntypedRoutes>(): SyncEvents<T> {
  const client = useLuckyClient<T>();
  const removers = new Set<() => void>();
  let destroyed = false;
  onDestroy(() => {
    destroyed = true;
    for (const remove of removers) remove();
    removers.clear();
  });
  return {
    upsertSyncEventCallback: (name, callback) => {
      // A registration after destroy (e.g. after an await in onMount) would never be removed.
      if (destroyed) return () => {};
      const remove = client.upsertSyncEventCallback(name, callback);
      removers.add(remove);
      return () => {
        removers.delete(remove);
        remove();
      };
    },
  };
}
