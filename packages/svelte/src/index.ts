export { setLuckyClient, useLuckyClient } from './context';
export { useReadable } from './useReadable';
export { useSession } from './useSession';
export { useSocketStatus } from './useSocketStatus';
export type { SyncEvents } from './useSyncEvents';
export { useSyncEvents } from './useSyncEvents';
