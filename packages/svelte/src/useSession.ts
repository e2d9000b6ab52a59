import type { SessionLayout } from '@luckystack/core';
import type { Readable } from 'svelte/store';
import { useLuckyClient } from './context';
import { useReadable } from './useReadable';

/** The session the server last sent (null when anonymous) as a readable store. */
export function useSession(): { session: Readable<SessionLayout | null> } {
  return { session: useReadable(useLuckyClient().session) };
}
