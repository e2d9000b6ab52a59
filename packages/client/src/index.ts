export type { LuckyClientOptions } from './createLuckyClient';
export { createLuckyClient } from './createLuckyClient';
export type { ApiRequestOptions, RequestOptions, SyncRequestOptions } from './LuckyClient';
export { LuckyClient } from './LuckyClient';
export type { OfflineQueueOptions } from './OfflineQueue';
export type { SyncCallback } from './SyncListeners';
export { SyncScope } from './SyncScope';
export type { VisibilitySource } from './visibility';
export { browserVisibility } from './visibility';
