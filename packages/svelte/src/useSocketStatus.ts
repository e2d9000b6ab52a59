import type { SocketStatus } from '@luckystack/core';
import type { Readable } from 'svelte/store';
import { useLuckyClient } from './context';
import { useReadable } from './useReadable';

/** The spec's socket status (`self` plus away or returned peers) as a readable store. */
export function useSocketStatus(): { socketStatus: Readable<SocketStatus> } {
  return { socketStatus: useReadable(useLuckyClient().status) };
}
