import { createLuckyClient } from '@luckystack/client';
import { LuckyProvider, useSession, useSocketStatus, useSyncEvents } from '@luckystack/react';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppRoutes } from '../server/routes';

const client = createLuckyClient({ url: 'http://localhost:3000' });

function Status() {
  const { socketStatus } = useSocketStatus();
  const { session } = useSession();
  return (
    <p>
      {socketStatus.self.status} as {session ? String(session.id) : 'guest'}
    </p>
  );
}

function Chat() {
  const [messages, setMessages] = useState<string[]>([]);
  const { upsertSyncEventCallback } = useSyncEvents<AppRoutes>();
  useEffect(() => {
    upsertSyncEventCallback('chat', ({ clientData }) => setMessages((all) => [...all, clientData.text]));
  }, [upsertSyncEventCallback]);
  return (
    <ul>
      {messages.map((text, index) => (
        <li key={index}>{text}</li>
      ))}
    </ul>
  );
}

createRoot(document.getElementById('root')!).render(
  <LuckyProvider client={client}>
    <Status />
    <Chat />
  </LuckyProvider>,
);
