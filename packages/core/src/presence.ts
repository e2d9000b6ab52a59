/** Why a user's last socket went away, which decides how long peers wait for it. */
export type DisconnectKind = 'tabSwitch' | 'transport' | 'other';

/** How long (ms) a user may stay away, per {@link DisconnectKind}, before peers are told it left. */
export interface GraceTimes {
  /** The tab was hidden (`intentionalDisconnect`). @defaultValue 20000 */
  tabSwitch: number;
  /** The network dropped (`transport close` / `transport error`). @defaultValue 60000 */
  transport: number;
  /** Any other disconnect (a closed tab, a server-side disconnect). @defaultValue 2000 */
  other: number;
}

/** The spec's grace times: 20 s after a tab switch, 60 s after a network drop, 2 s otherwise. */
export const DEFAULT_GRACE_TIMES: GraceTimes = { tabSwitch: 20_000, transport: 60_000, other: 2_000 };

/** Classifies a disconnect from Socket.IO's reason and whether the client said it was switching tabs. */
export function disconnectKind(reason: string, tabSwitched: boolean): DisconnectKind {
  if (tabSwitched) return 'tabSwitch';
  if (reason === 'transport close' || reason === 'transport error') return 'transport';
  return 'other';
}
