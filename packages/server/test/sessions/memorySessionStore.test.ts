import { MemorySessionStore } from '@luckystack/server';
import { afterEach, beforeEach, vi } from 'vitest';
import { sessionStoreContract } from './sessionStore.contract';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

sessionStoreContract('MemorySessionStore', {
  makeStore: () => new MemorySessionStore(),
  elapse: async (ms) => {
    await vi.advanceTimersByTimeAsync(ms);
  },
});
