import type { LuckyClient, UntypedRoutes } from '@luckystack/client';
import type { RouteTableShape } from '@luckystack/core';
import { getCurrentScope, onScopeDispose } from 'vue';
import { useLuckyClient } from './useLuckyClient';

/**
 * The spec's `upsertSyncEventCallback`, except that every callback registered through it is removed when
 * the calling scope (the component) is disposed.
 */
export function useSyncEvents<T extends RouteTableShape = UntypedRoutes>(): Pick<
  LuckyClient<T>,
  'upsertSyncEventCallback'
> {
  const client = useLuckyClient<T>();
  const registered = new Set<() => void>();
  if (getCurrentScope()) {
    onScopeDispose(() => {
      for (const remove of registered) remove();
      registered.clear();
    });
  }
  return {
    upsertSyncEventCallback: (name, callback) => {
      const remove = client.upsertSyncEventCallback(name, callback);
      registered.add(remove);
      return () => {
        remove();
        registered.delete(remove);
      };
    },
  };
}
