import type { Readable } from '@luckystack/core';
import { readable, type Readable as SvelteReadable } from 'svelte/store';

/** A Svelte readable store over a core `Readable`, subscribed to it only while the store has subscribers. */
export function useReadable<T>(source: Readable<T>): SvelteReadable<T> {
  return readable(source.getSnapshot(), (set) => {
    // The source may have changed while nobody was subscribed.
    set(source.getSnapshot());
    return source.subscribe(() => set(source.getSnapshot()));
  });
}
