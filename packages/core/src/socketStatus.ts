import type { UserAfkMessage, UserPresenceMessage } from './protocol';
import type { SelfStatus, SocketStatus, SocketStatusEntry } from './status';

/** Everything that changes a {@link SocketStatus}: the connection's own events and the peers' presence. */
export type StatusEvent =
  | { type: 'connect' }
  | { type: 'disconnect'; reason: string }
  | { type: 'reconnectAttempt'; attempt: number }
  | { type: 'userAfk'; message: UserAfkMessage }
  | { type: 'userBack'; message: UserPresenceMessage }
  | { type: 'userLeft'; message: UserPresenceMessage }
  /** Drops peers whose deadline passed by `now` without a `userLeft` (say, the server holding it died). */
  | { type: 'expire'; now: number }
  /** How many calls wait in the offline queue now. */
  | { type: 'queued'; count: number };

/** The status before the first connection. */
export const INITIAL_SOCKET_STATUS: SocketStatus = {
  self: { status: 'DISCONNECTED', reason: 'not connected yet' },
};

function withQueued(self: SelfStatus, queued: number | undefined): SelfStatus {
  const { queued: _, ...entry } = self;
  return queued ? { ...entry, queued } : (entry as SelfStatus);
}

/** A new `self` entry that keeps the offline-queue count. */
function withSelf(status: SocketStatus, entry: SocketStatusEntry): SocketStatus {
  return { ...status, self: withQueued(entry, status.self.queued) };
}

function withPeer(status: SocketStatus, userId: unknown, entry: SocketStatusEntry | undefined): SocketStatus {
  // `self` is this connection's own key; a peer can never overwrite it.
  if (typeof userId !== 'string' || userId === 'self') return status;
  if (entry === undefined && !Object.hasOwn(status, userId)) return status;
  const next: SocketStatus = { ...status };
  // defineProperty, so a peer named `__proto__` is an own entry like any other, not a prototype swap.
  if (entry)
    Object.defineProperty(next, userId, {
      value: entry,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else delete next[userId];
  return next;
}

/**
 * The socket status model: returns the status after `event`, or the same object when nothing changed.
 * Peers are known only while they are away or back; `userLeft` removes them, and a disconnect of our own
 * clears them (we miss their events while away).
 */
export function reduceSocketStatus(status: SocketStatus, event: StatusEvent): SocketStatus {
  switch (event.type) {
    case 'connect':
      return status.self.status === 'CONNECTED' ? status : withSelf(status, { status: 'CONNECTED' });
    case 'disconnect':
      return { self: withQueued({ status: 'DISCONNECTED', reason: event.reason }, status.self.queued) };
    case 'reconnectAttempt':
      return withSelf(status, { status: 'RECONNECTING', reconnectAttempt: event.attempt });
    case 'queued':
      if ((status.self.queued ?? 0) === event.count) return status;
      return { ...status, self: withQueued(status.self, event.count) };
    case 'userAfk': {
      const { userId, endTime } = event.message;
      if (typeof endTime !== 'number') return status;
      return withPeer(status, userId, { status: 'DISCONNECTED', endTime, reason: 'afk' });
    }
    case 'userBack':
      return withPeer(status, event.message.userId, { status: 'CONNECTED' });
    case 'userLeft':
      return withPeer(status, event.message.userId, undefined);
    case 'expire':
      return expired(status, event.now).reduce((next, userId) => withPeer(next, userId, undefined), status);
  }
}

function expired(status: SocketStatus, now: number): string[] {
  return Object.entries(status).flatMap(([userId, entry]) =>
    userId !== 'self' &&
    entry.status === 'DISCONNECTED' &&
    entry.endTime !== undefined &&
    entry.endTime <= now
      ? [userId]
      : [],
  );
}

/** The earliest peer deadline in `status`, or undefined when no peer is away. */
export function nextPeerDeadline(status: SocketStatus): number | undefined {
  let earliest: number | undefined;
  for (const [userId, entry] of Object.entries(status)) {
    if (userId === 'self' || entry.status !== 'DISCONNECTED' || entry.endTime === undefined) continue;
    if (earliest === undefined || entry.endTime < earliest) earliest = entry.endTime;
  }
  return earliest;
}
