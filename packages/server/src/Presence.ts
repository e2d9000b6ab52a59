import {
  DEFAULT_GRACE_TIMES,
  disconnectKind,
  EVENTS,
  type GraceTimes,
  INTERNAL_ROOM_PREFIX,
} from '@luckystack/core';
import type { Server, Socket } from 'socket.io';
import { userRoom } from './internalRooms';

/** The server-side event (between nodes, through the adapter) announcing a user's return. */
const RETURNED = 'lucky:presence:returned';

interface Away {
  timer: ReturnType<typeof setTimeout>;
  /** The rooms whose peers were told the user went away, and will hear that it came back or left. */
  rooms: string[];
}

/**
 * The activity broadcaster: tracks each logged-in user across all of its sockets (tabs), and tells the
 * peers in its rooms when its last socket goes away (`userAfk` with the deadline), comes back within the
 * grace time (`userBack`) or stays away past it (`userLeft`). Whether a user still has a socket is asked
 * of Socket.IO's rooms (one room per user), so the answer covers every node.
 */
export class Presence {
  readonly #io: Server;
  readonly #grace: GraceTimes;
  readonly #away = new Map<string, Away>();
  readonly #tabSwitched = new WeakSet<Socket>();

  readonly #clustered: boolean;

  /** With `clustered`, a return seen on this node is announced to the others (one may hold the away timer). */
  constructor(io: Server, grace: Partial<GraceTimes> = {}, clustered = false) {
    this.#io = io;
    this.#grace = { ...DEFAULT_GRACE_TIMES, ...grace };
    this.#clustered = clustered;
    if (clustered) this.#io.on(RETURNED, this.#onReturnElsewhere);
  }

  /** How many users are away and waited for now. */
  get awayCount(): number {
    return this.#away.size;
  }

  /** Notes that `socket` is about to disconnect because its tab was hidden (`intentionalDisconnect`). */
  markTabSwitch(socket: Socket): void {
    this.#tabSwitched.add(socket);
  }

  /** Wires a connected socket: its return and its disconnect. */
  track(socket: Socket): void {
    socket.on('disconnecting', (reason) => this.#onDisconnecting(socket, reason));
    const userId = socket.data.userId as string | undefined;
    if (!userId) return;
    this.#onReturn(userId);
    if (this.#clustered) this.#io.serverSideEmit(RETURNED, userId);
  }

  /** Clears every pending timer. */
  close(): void {
    this.#io.off(RETURNED, this.#onReturnElsewhere);
    for (const away of this.#away.values()) clearTimeout(away.timer);
    this.#away.clear();
  }

  readonly #onReturnElsewhere = (userId: unknown): void => {
    if (typeof userId === 'string') this.#onReturn(userId);
  };

  #onReturn(userId: string): void {
    const away = this.#away.get(userId);
    if (!away) return;
    clearTimeout(away.timer);
    this.#away.delete(userId);
    this.#io.to(away.rooms).except(userRoom(userId)).emit(EVENTS.userBack, { userId });
  }

  #onDisconnecting(socket: Socket, reason: string): void {
    const userId = socket.data.userId as string | undefined;
    if (!userId) return;
    // Rooms are still joined during `disconnecting`; they are gone by the time anything awaits.
    const rooms = [...socket.rooms].filter(
      (room) => room !== socket.id && !room.startsWith(INTERNAL_ROOM_PREFIX),
    );
    const grace = this.#grace[disconnectKind(reason, this.#tabSwitched.has(socket))];
    this.#io
      .in(userRoom(userId))
      .fetchSockets()
      .then((sockets) => {
        // The in-memory adapter answers at once, while this socket is still in the user's room.
        const others = sockets.filter((other) => other.id !== socket.id);
        if (others.length > 0 || rooms.length === 0) return;
        this.#goAway(userId, rooms, grace);
      })
      .catch(() => this.#goAway(userId, rooms, grace));
  }

  #goAway(userId: string, rooms: string[], grace: number): void {
    const previous = this.#away.get(userId);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => {
      this.#away.delete(userId);
      this.#io.to(rooms).except(userRoom(userId)).emit(EVENTS.userLeft, { userId });
    }, grace);
    timer.unref?.();
    this.#away.set(userId, { timer, rooms });
    this.#io
      .to(rooms)
      .except(userRoom(userId))
      .emit(EVENTS.userAfk, { userId, endTime: Date.now() + grace });
  }
}
