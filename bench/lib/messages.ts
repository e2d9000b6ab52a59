/** Parent → child: a request the child answers with a {@link ReplyMessage} of the same id. */
export interface RequestMessage {
  kind: 'request';
  id: number;
  type: string;
  body?: unknown;
}

/** Either way: a one-way message (a child's `ready`, a receiver's progress, a sender's credit). */
export interface EventMessage {
  kind: 'event';
  type: string;
  body?: unknown;
}

/** Child → parent: the answer to a {@link RequestMessage}. */
export interface ReplyMessage {
  kind: 'reply';
  id: number;
  ok: boolean;
  body?: unknown;
  error?: string;
}

/** Anything sent over a benchmark child's IPC channel. */
export type ChannelMessage = RequestMessage | EventMessage | ReplyMessage;
