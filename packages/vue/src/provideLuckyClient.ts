import type { LuckyClient } from '@luckystack/client';
import type { RouteTableShape } from '@luckystack/core';
import { provide } from 'vue';
import { luckyClientKey } from './luckyClientKey';

/** Gives this component's descendants `client`, from inside `setup` (overrides the plugin's client). */
export function provideLuckyClient<T extends RouteTableShape>(client: LuckyClient<T>): void {
  provide(luckyClientKey, client);
}
