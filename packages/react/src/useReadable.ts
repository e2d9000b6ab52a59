import type { Readable } from '@luckystack/core';
import { useSyncExternalStore } from 'react';

/** The current value of a core `Readable`, re-rendering on each change; SSR renders its snapshot. */
export function useReadable<T>(readable: Readable<T>): T {
  return useSyncExternalStore(readable.subscribe, readable.getSnapshot, readable.getSnapshot);
}
