export type { LuckyClientOptions } from './createLuckyClient';
export { createLuckyClient } from './createLuckyClient';
export type { ApiRequestOptions, UntypedRoutes } from './LuckyClient';
export { LuckyClient } from './LuckyClient';
