import type { LuckyClient } from '@luckystack/client';
import type { RegisteredRoutes, RouteTableShape } from '@luckystack/core';
import { hasInjectionContext, inject } from 'vue';
import { luckyClientKey } from './luckyClientKey';

/** The client the plugin (or {@link provideLuckyClient}) provided; throws when there is none. */
export function useLuckyClient<T extends RouteTableShape = RegisteredRoutes>(): LuckyClient<T> {
  // Checked first so a call outside setup throws our message instead of Vue's inject() warning.
  const client = hasInjectionContext() ? inject(luckyClientKey, null) : null;
  if (!client) {
    throw new Error(
      'useLuckyClient: no LuckyStack client found. Install the plugin: app.use(luckyStack(client))',
    );
  }
  return client as LuckyClient<T>;
}
