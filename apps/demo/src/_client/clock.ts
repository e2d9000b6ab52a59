import type { Readable } from '@luckystack/core';

/**
 * The time, updated every `intervalMs` while anyone listens (the timer stops with the last listener): one
 * source for every countdown on the page, usable by all three bindings' `useReadable`.
 */
export function createClock(intervalMs: number): Readable<number> {
  let now = Date.now();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    getSnapshot: () => now,
    subscribe: (listener) => {
      const entry = () => listener();
      listeners.add(entry);
      if (!timer) {
        now = Date.now();
        timer = setInterval(() => {
          now = Date.now();
          for (const each of [...listeners]) each();
        }, intervalMs);
      }
      return () => {
        listeners.delete(entry);
        if (listeners.size === 0) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}

/** A clock that ticks each second, for "returns in Ns". */
export const secondClock = createClock(1_000);
