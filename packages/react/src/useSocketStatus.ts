import type { SocketStatus } from '@luckystack/core';
import { useLuckyClient } from './LuckyProvider';
import { useReadable } from './useReadable';

/** The spec's socket status (`self` plus peers), live. */
export function useSocketStatus(): { socketStatus: SocketStatus } {
  return { socketStatus: useReadable(useLuckyClient().status) };
}
