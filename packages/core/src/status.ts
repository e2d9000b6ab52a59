/** The three connection states of the spec. */
export type SocketStatusValue = 'CONNECTED' | 'DISCONNECTED' | 'RECONNECTING';

/** Connected and live. */
export interface ConnectedStatus {
  status: 'CONNECTED';
}

/** The connection dropped and Socket.IO is trying again; `reconnectAttempt` counts from 1. */
export interface ReconnectingStatus {
  status: 'RECONNECTING';
  reconnectAttempt: number;
}

/** Not connected; for a peer, `endTime` is when its grace time runs out (ms since epoch). */
export interface DisconnectedStatus {
  status: 'DISCONNECTED';
  endTime?: number;
  /** Why: a Socket.IO disconnect reason, `'forceLogout'`, or `'afk'` for a peer. */
  reason?: string;
}

/** One entry of the socket status: a discriminated union on `status`. */
export type SocketStatusEntry = ConnectedStatus | ReconnectingStatus | DisconnectedStatus;

/** This connection's own entry: its status, plus how many calls wait in the offline queue (when any). */
export type SelfStatus = SocketStatusEntry & { queued?: number };

/** The spec's socket status: `self` plus one entry per peer userId. */
export type SocketStatus = { self: SelfStatus } & { [userId: string]: SocketStatusEntry };
