import type { ChannelMessage, ReplyMessage } from './messages';

// biome-ignore lint/suspicious/noExplicitAny: each handler declares the body its parent sends.
type Handler = (body: any) => unknown;

const eventListeners = new Map<string, (body: unknown) => void>();

function send(message: ChannelMessage, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

/**
 * Makes this process a benchmark child: answers the parent's requests with `handlers` (a `stop` request
 * runs `handlers.stop`, if any, then exits), and exits when the parent goes away, so no child outlives a
 * run.
 */
export function answerRequests(handlers: Record<string, Handler>): void {
  if (!process.send) throw new Error('Start this script through bench/run.ts (it needs an IPC channel)');
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (message: ChannelMessage) => {
    if (message.kind === 'event') {
      eventListeners.get(message.type)?.(message.body);
      return;
    }
    if (message.kind !== 'request') return;
    let reply: ReplyMessage;
    try {
      const handler = handlers[message.type];
      if (!handler && message.type !== 'stop') throw new Error(`No handler for "${message.type}"`);
      reply = { kind: 'reply', id: message.id, ok: true, body: await handler?.(message.body) };
    } catch (error) {
      reply = { kind: 'reply', id: message.id, ok: false, error: String((error as Error)?.stack ?? error) };
    }
    send(reply, message.type === 'stop' ? () => process.exit(0) : undefined);
  });
}

/** Sends a one-way message to the parent. */
export function sendEvent(type: string, body?: unknown): void {
  send({ kind: 'event', type, body });
}

/** Calls `listener` with every one-way message of `type` from the parent. */
export function onParentEvent(type: string, listener: (body: unknown) => void): void {
  eventListeners.set(type, listener);
}
