import type { SessionLayout } from '@luckystack/core';
import { useLuckyClient } from './LuckyProvider';
import { useReadable } from './useReadable';

/** The session the server last sent (null when anonymous), live. */
export function useSession(): { session: SessionLayout | null } {
  return { session: useReadable(useLuckyClient().session) };
}
