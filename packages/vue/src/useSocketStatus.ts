import type { SocketStatus } from '@luckystack/core';
import type { ShallowRef } from 'vue';
import { useLuckyClient } from './useLuckyClient';
import { useReadable } from './useReadable';

/** The spec's socket status (`self` plus peers), as a read-only ref. */
export function useSocketStatus(): { socketStatus: Readonly<ShallowRef<SocketStatus>> } {
  return { socketStatus: useReadable(useLuckyClient().status) };
}
