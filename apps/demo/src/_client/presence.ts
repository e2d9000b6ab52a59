import type { SocketStatus, SocketStatusEntry } from '@luckystack/core';
import type { DemoSession } from '../_shared/session';
import type { RosterMember } from './Roster';

/** How a presence or connection state looks: the colour of its dot. */
export type Tone = 'online' | 'away' | 'connecting' | 'offline';

/** One row of the presence list. */
export interface Person extends RosterMember {
  isSelf: boolean;
  tone: Tone;
  /** "Online", "AFK — returns in 18s", … */
  label: string;
}

/**
 * Whole seconds until `endTime`, never negative. Rounded down: `now` comes from a clock that ticks each
 * second, so it may be up to a second old, and rounding up would show a 20 s grace as "21s".
 */
function secondsUntil(endTime: number, now: number): number {
  return Math.max(0, Math.floor((endTime - now) / 1000));
}

/** The connection indicator's look for this tab's own status. */
export function describeConnection(self: SocketStatusEntry): { tone: Tone; label: string } {
  switch (self.status) {
    case 'CONNECTED':
      return { tone: 'online', label: 'Connected' };
    case 'RECONNECTING':
      return { tone: 'connecting', label: `Reconnecting · attempt ${self.reconnectAttempt}` };
    case 'DISCONNECTED':
      if (self.reason === 'hidden') return { tone: 'away', label: 'Paused while hidden' };
      if (self.reason === 'forceLogout') return { tone: 'offline', label: 'Signed out' };
      return { tone: 'offline', label: 'Disconnected' };
  }
}

/** This user's row says less than the connection indicator, which sits in the header anyway. */
const SELF_LABELS: Record<Tone, string> = {
  online: 'Online',
  away: 'Paused',
  connecting: 'Reconnecting',
  offline: 'Offline',
};

function describePeer(entry: SocketStatusEntry | undefined, now: number): { tone: Tone; label: string } {
  if (entry?.status === 'DISCONNECTED') {
    return entry.endTime === undefined
      ? { tone: 'away', label: 'AFK' }
      : { tone: 'away', label: `AFK — returns in ${secondsUntil(entry.endTime, now)}s` };
  }
  return { tone: 'online', label: 'Online' };
}

/**
 * The presence list: this user first, then the roster's members with their status from the socket status
 * (a member the status never mentioned is online). A peer the status lists but the roster does not know
 * yet still shows, under its id.
 */
export function describePeople(
  session: DemoSession | null,
  peers: readonly RosterMember[],
  status: SocketStatus,
  now: number,
): Person[] {
  const people: Person[] = [];
  if (session) {
    const self = describeConnection(status.self);
    people.push({ ...session, isSelf: true, tone: self.tone, label: SELF_LABELS[self.tone] });
  }
  const known = new Set(peers.map((peer) => peer.id));
  const strangers = Object.keys(status)
    .filter((id) => id !== 'self' && id !== session?.id && !known.has(id))
    .map((id) => ({ id, name: id.replace(/^u:/, ''), color: '#94a3b8' }));
  for (const peer of [...peers, ...strangers]) {
    if (peer.id === session?.id) continue;
    people.push({ ...peer, isSelf: false, ...describePeer(status[peer.id], now) });
  }
  return people;
}

/** The letter on a user's avatar. */
export function initialOf(name: string): string {
  return name.trim().charAt(0).toUpperCase() || '?';
}
