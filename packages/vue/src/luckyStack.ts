import type { LuckyClient } from '@luckystack/client';
import type { RouteTableShape } from '@luckystack/core';
import type { Plugin } from 'vue';
import { luckyClientKey } from './luckyClientKey';

/** The Vue plugin that gives every component the client: `app.use(luckyStack(client))`. */
export function luckyStack<T extends RouteTableShape>(client: LuckyClient<T>): Plugin {
  return {
    install: (app) => {
      app.provide(luckyClientKey, client);
    },
  };
}
