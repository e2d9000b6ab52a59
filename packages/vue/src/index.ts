export { luckyStack } from './luckyStack';
export { provideLuckyClient } from './provideLuckyClient';
export { useLuckyClient } from './useLuckyClient';
export { useReadable } from './useReadable';
export { useSession } from './useSession';
export { useSocketStatus } from './useSocketStatus';
export type { SyncEvents } from './useSyncEvents';
export { useSyncEvents } from './useSyncEvents';
