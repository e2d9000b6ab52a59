import type { LuckyClient } from '@luckystack/client';
import type { RouteTableShape } from '@luckystack/core';
import type { InjectionKey } from 'vue';

/** Private, so only this package's plugin and composables can provide or read the client. */
export const luckyClientKey: InjectionKey<LuckyClient<RouteTableShape>> = Symbol('LuckyClient');
