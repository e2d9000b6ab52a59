// @vitest-environment node
import { createLuckyClient, type LuckyClient } from '@luckystack/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { LuckyProvider, useSession, useSocketStatus, useSyncEvents } from '../src';
import type { Routes } from './routes.fixture';

let client: LuckyClient<Routes>;
afterEach(() => client.close());

function Page() {
  const { socketStatus } = useSocketStatus();
  const { session } = useSession();
  const { upsertSyncEventCallback } = useSyncEvents<Routes>();
  return (
    <p>
      {socketStatus.self.status} / {session ? String(session.name) : 'anonymous'} /{' '}
      {typeof upsertSyncEventCallback}
    </p>
  );
}

describe('server-side rendering', () => {
  it('renders the stores’ snapshots without connecting or registering anything', () => {
    client = createLuckyClient<Routes>({
      url: 'http://127.0.0.1:1',
      socketOptions: { autoConnect: false },
    });
    const html = renderToString(
      <LuckyProvider client={client}>
        <Page />
      </LuckyProvider>,
    );
    expect(html).toBe('<p>DISCONNECTED<!-- --> / <!-- -->anonymous<!-- --> /<!-- --> <!-- -->function</p>');
    expect(client.socket.active).toBe(false);
    expect(client.socket.connected).toBe(false);
    expect(client.syncCallbackCount).toBe(0);
  });
});
