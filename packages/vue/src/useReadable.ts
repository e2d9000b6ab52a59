import type { Readable } from '@luckystack/core';
import { getCurrentScope, onScopeDispose, type ShallowRef, shallowReadonly, shallowRef } from 'vue';

/** A read-only ref that follows a LuckyStack `Readable`; it unsubscribes when the calling scope is disposed. */
export function useReadable<T>(source: Readable<T>): Readonly<ShallowRef<T>> {
  const state = shallowRef(source.getSnapshot());
  const unsubscribe = source.subscribe(() => {
    state.value = source.getSnapshot();
  });
  if (getCurrentScope()) onScopeDispose(unsubscribe);
  return shallowReadonly(state);
}
