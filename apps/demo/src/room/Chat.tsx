import { isErrorResponse } from '@luckystack/core';
import { useLuckyClient, useSession, useSocketStatus, useSyncEvents } from '@luckystack/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorText } from '../_client/errorText';
import { type ChatMessage, MAX_CHAT_LENGTH } from '../_shared/chat';

/** Adds messages not seen yet, in server time order: history and live messages may overlap. */
function merge(messages: ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const seen = new Set(messages.map((message) => message.id));
  const fresh = incoming.filter((message) => !seen.has(message.id));
  return fresh.length === 0 ? messages : [...messages, ...fresh].sort((a, b) => a.sentAt - b.sentAt);
}

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** The room's chat: validated by `chat_server.ts`, whose refusals show under the input. */
export function Chat({ room }: { room: string }) {
  const client = useLuckyClient();
  const { session } = useSession();
  const { socketStatus } = useSocketStatus();
  const { upsertSyncEventCallback } = useSyncEvents();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const connected = socketStatus.self.status === 'CONNECTED';

  useEffect(
    () =>
      upsertSyncEventCallback('chat', ({ serverOutput }) =>
        setMessages((m) => merge(m, [serverOutput.message])),
      ),
    [upsertSyncEventCallback],
  );

  // On mount and after every reconnect: catch up on what was said meanwhile.
  useEffect(() => {
    if (!connected) return;
    let live = true;
    client.apiRequest({ name: 'history', data: { room } }).then((result) => {
      if (live && !isErrorResponse(result)) setMessages((m) => merge(m, result));
    });
    return () => {
      live = false;
    };
  }, [client, room, connected]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each new message, to keep it in view.
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [messages]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    // Not ignoreSelf: the sender's own copy comes back through the room, in the room's order.
    const result = await client.syncRequest({ name: 'chat', data: { text }, receiver: room });
    if (isErrorResponse(result)) setError(errorText(result));
    else setText('');
  };

  const over = text.length > MAX_CHAT_LENGTH;
  return (
    <section className="card chat">
      <h2 className="card-title">Chat</h2>
      <ol className="messages" ref={list} data-testid="messages">
        {messages.length === 0 && <li className="muted empty">No messages yet. Say hi.</li>}
        {messages.map((message) => (
          <li key={message.id} className={`message${message.author.id === session?.id ? ' mine' : ''}`}>
            <span className="message-meta">
              <span className="message-author" style={{ color: message.author.color }}>
                {message.author.name}
              </span>
              <time dateTime={new Date(message.sentAt).toISOString()}>{time.format(message.sentAt)}</time>
            </span>
            <span className="message-text">{message.text}</span>
          </li>
        ))}
      </ol>
      <form className="composer" onSubmit={send}>
        <input
          name="message"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Message the room"
          aria-label="Message"
          autoComplete="off"
        />
        <button type="submit" className="button" disabled={text.trim() === ''}>
          Send
        </button>
      </form>
      <p className="composer-foot">
        {error ? (
          <span className="error" role="alert" data-testid="chat-error">
            {error}
          </span>
        ) : (
          <span className="muted">The server checks every message.</span>
        )}
        <span className={over ? 'error' : 'muted'}>
          {text.length}/{MAX_CHAT_LENGTH}
        </span>
      </p>
    </section>
  );
}
