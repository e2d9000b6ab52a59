import type { LuckyClient } from '@luckystack/client';
import type { RegisteredRoutes, RouteTableShape } from '@luckystack/core';
import { getContext, setContext } from 'svelte';

const LUCKY_CLIENT = Symbol('LuckyClient');

/** Provides `client` to this component's descendants; call it in a root component's script. */
export function setLuckyClient<T extends RouteTableShape>(client: LuckyClient<T>): void {
  setContext(LUCKY_CLIENT, client);
}

/** The client a parent component provided with {@link setLuckyClient}. */
export function useLuckyClient<T extends RouteTableShape = RegisteredRoutes>(): LuckyClient<T> {
  const client = getContext<LuckyClient<T> | undefined>(LUCKY_CLIENT);
  if (!client) {
    throw new Error(
      'useLuckyClient: no LuckyStack client found. Call setLuckyClient(client) in a parent component.',
    );
  }
  return client;
}
