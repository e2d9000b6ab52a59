import type { SessionLayout } from '@luckystack/core';
import type { ShallowRef } from 'vue';
import { useLuckyClient } from './useLuckyClient';
import { useReadable } from './useReadable';

/** The session the server last sent (null when anonymous), as a read-only ref. */
export function useSession(): { session: Readonly<ShallowRef<SessionLayout | null>> } {
  return { session: useReadable(useLuckyClient().session) };
}
