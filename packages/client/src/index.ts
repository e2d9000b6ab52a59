export type { LuckyClientOptions } from './createLuckyClient';
export { createLuckyClient } from './createLuckyClient';
export type { ApiRequestOptions, RequestOptions, SyncRequestOptions, UntypedRoutes } from './LuckyClient';
export { LuckyClient } from './LuckyClient';
export type { SyncCallback } from './SyncListeners';
export type { VisibilitySource } from './visibility';
export { browserVisibility } from './visibility';
