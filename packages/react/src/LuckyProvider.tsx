import type { LuckyClient } from '@luckystack/client';
import type { RegisteredRoutes, RouteTableShape } from '@luckystack/core';
import { createContext, type ReactNode, useContext } from 'react';

const LuckyClientContext = createContext<LuckyClient<RouteTableShape> | null>(null);

/** Props of {@link LuckyProvider}. */
export interface LuckyProviderProps {
  /** The client every hook below reads, from `createLuckyClient()`. */
  client: LuckyClient<RouteTableShape>;
  children?: ReactNode;
}

/** Makes `client` available to `useLuckyClient` and the hooks built on it. */
export function LuckyProvider({ client, children }: LuckyProviderProps): ReactNode {
  return <LuckyClientContext.Provider value={client}>{children}</LuckyClientContext.Provider>;
}

/** The client of the nearest {@link LuckyProvider}; pass the route table type for typed calls. */
export function useLuckyClient<T extends RouteTableShape = RegisteredRoutes>(): LuckyClient<T> {
  const client = useContext(LuckyClientContext);
  if (!client) {
    throw new Error(
      'useLuckyClient: no LuckyStack client found. Wrap your app in <LuckyProvider client={client}>',
    );
  }
  // The provider cannot carry the route table's type; the caller names it, as with createLuckyClient<T>().
  return client as unknown as LuckyClient<T>;
}
