import type { SyncServerArgs } from '@luckystack/server';

/** The session names who is leaving. */
export const auth = { login: true } as const;

/**
 * Says this user leaves the room on purpose (signing out), while its session still names it. No `_client`:
 * the room gets it as is. Leaving by closing or hiding the tab needs no goodbye: the activity broadcaster
 * tells the room when the grace time ends.
 */
export const main = ({ user }: SyncServerArgs<Record<string, never>, typeof auth>) => ({ userId: user.id });
