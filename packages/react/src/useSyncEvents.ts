import type { LuckyClient, UntypedRoutes } from '@luckystack/client';
import type { RouteTableShape } from '@luckystack/core';
import { useEffect, useMemo, useState } from 'react';
import { useLuckyClient } from './LuckyProvider';

/** What {@link useSyncEvents} returns. */
export interface SyncEvents<T extends RouteTableShape = UntypedRoutes> {
  /** The client's `upsertSyncEventCallback`, undone when the component unmounts. */
  upsertSyncEventCallback: LuckyClient<T>['upsertSyncEventCallback'];
}

/** The spec's `useSyncEvents`: every callback registered through it is removed on unmount. */
export function useSyncEvents<T extends RouteTableShape = UntypedRoutes>(): SyncEvents<T> {
  const client = useLuckyClient<T>();
  // By name, so re-upserting a name (an effect that re-runs) replaces its remover instead of piling up.
  const [removers] = useState(() => new Map<string, () => void>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new client drops what was registered on the old one.
  useEffect(
    () => () => {
      for (const remove of removers.values()) remove();
      removers.clear();
    },
    [client, removers],
  );
  return useMemo(
    () => ({
      upsertSyncEventCallback: (name, callback) => {
        const remove = client.upsertSyncEventCallback(name, callback);
        removers.set(name, remove);
        return remove;
      },
    }),
    [client, removers],
  );
}
