import {
  EVENTS,
  INITIAL_SOCKET_STATUS,
  nextPeerDeadline,
  type Readable,
  reduceSocketStatus,
  type SocketStatus,
  type StatusEvent,
  Store,
  type UserAfkMessage,
  type UserPresenceMessage,
} from '@luckystack/core';
import type { Socket } from 'socket.io-client';

/** How long after a peer's deadline its entry is dropped if the server never said it left (clock skew margin). */
const PEER_EXPIRY_SLACK_MS = 2_000;

/**
 * The spec's socket status for one connection: follows the Socket.IO manager's reconnect attempts and the
 * activity broadcaster's peer events through core's reducer. The client reports its own connects and
 * disconnects (it knows the reasons Socket.IO does not).
 */
export class SocketStatusTracker {
  readonly #socket: Socket;
  readonly #store: Store<SocketStatus>;
  #expiryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(socket: Socket) {
    this.#socket = socket;
    this.#store = new Store(
      socket.connected
        ? reduceSocketStatus(INITIAL_SOCKET_STATUS, { type: 'connect' })
        : INITIAL_SOCKET_STATUS,
    );
    socket.on(EVENTS.userAfk, this.#onUserAfk);
    socket.on(EVENTS.userBack, this.#onUserBack);
    socket.on(EVENTS.userLeft, this.#onUserLeft);
    socket.io.on('reconnect_attempt', this.#onReconnectAttempt);
    socket.io.on('reconnect_failed', this.#onReconnectFailed);
  }

  /** The status store. */
  get status(): Readable<SocketStatus> {
    return this.#store;
  }

  /** Applies one status event. */
  update(event: StatusEvent): void {
    this.#store.setState((status) => reduceSocketStatus(status, event));
    this.#scheduleExpiry();
  }

  /** Stops listening and clears its timer. */
  close(): void {
    this.#socket.off(EVENTS.userAfk, this.#onUserAfk);
    this.#socket.off(EVENTS.userBack, this.#onUserBack);
    this.#socket.off(EVENTS.userLeft, this.#onUserLeft);
    this.#socket.io.off('reconnect_attempt', this.#onReconnectAttempt);
    this.#socket.io.off('reconnect_failed', this.#onReconnectFailed);
    clearTimeout(this.#expiryTimer);
  }

  /**
   * A peer normally leaves with `userLeft` at its deadline; should that never come (the server holding the
   * timer died), the entry is dropped a little after the deadline, so no ghost stays behind.
   */
  #scheduleExpiry(): void {
    clearTimeout(this.#expiryTimer);
    const deadline = nextPeerDeadline(this.#store.getSnapshot());
    if (deadline === undefined) return;
    const delay = Math.max(0, deadline + PEER_EXPIRY_SLACK_MS - Date.now());
    this.#expiryTimer = setTimeout(
      () => this.update({ type: 'expire', now: Date.now() - PEER_EXPIRY_SLACK_MS }),
      delay,
    );
  }

  readonly #onReconnectAttempt = (attempt: number): void =>
    this.update({ type: 'reconnectAttempt', attempt });

  readonly #onReconnectFailed = (): void => this.update({ type: 'disconnect', reason: 'reconnect failed' });

  readonly #onUserAfk = (message: UserAfkMessage): void => {
    if (typeof message === 'object' && message !== null) this.update({ type: 'userAfk', message });
  };

  readonly #onUserBack = (message: UserPresenceMessage): void => {
    if (typeof message === 'object' && message !== null) this.update({ type: 'userBack', message });
  };

  readonly #onUserLeft = (message: UserPresenceMessage): void => {
    if (typeof message === 'object' && message !== null) this.update({ type: 'userLeft', message });
  };
}
