import type { UserAfkMessage, UserPresenceMessage } from './protocol';
import type { SocketStatus, SocketStatusEntry } from './status';

/** Everything that changes a {@link SocketStatus}: the connection's own events and the peers' presence. */
export type StatusEvent =
  | { type: 'connect' }
  | { type: 'disconnect'; reason: string }
  | { type: 'reconnectAttempt'; attempt: number }
  | { type: 'userAfk'; message: UserAfkMessage }
  | { type: 'userBack'; message: UserPresenceMessage }
  | { type: 'userLeft'; message: UserPresenceMessage };

/** The status before the first connection. */
export const INITIAL_SOCKET_STATUS: SocketStatus = {
  self: { status: 'DISCONNECTED', reason: 'not connected yet' },
};

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
      return status.self.status === 'CONNECTED' ? status : { ...status, self: { status: 'CONNECTED' } };
    case 'disconnect':
      return { self: { status: 'DISCONNECTED', reason: event.reason } };
    case 'reconnectAttempt':
      return { ...status, self: { status: 'RECONNECTING', reconnectAttempt: event.attempt } };
    case 'userAfk': {
      const { userId, endTime } = event.message;
      if (typeof endTime !== 'number') return status;
      return withPeer(status, userId, { status: 'DISCONNECTED', endTime, reason: 'afk' });
    }
    case 'userBack':
      return withPeer(status, event.message.userId, { status: 'CONNECTED' });
    case 'userLeft':
      return withPeer(status, event.message.userId, undefined);
  }
}
