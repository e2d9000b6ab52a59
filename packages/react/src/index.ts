export type { LuckyProviderProps } from './LuckyProvider';
export { LuckyProvider, useLuckyClient } from './LuckyProvider';
export { useReadable } from './useReadable';
export { useSession } from './useSession';
export { useSocketStatus } from './useSocketStatus';
export type { SyncEvents } from './useSyncEvents';
export { useSyncEvents } from './useSyncEvents';
