import { screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { fakeVisibility } from '../../../testing/visibility';
import { renderWithClient } from './render';
import { routes } from './routes.fixture';
import SocketStatusView from './SocketStatusView.svelte';

let harness: Harness;
afterEach(() => harness.close());

const reconnecting = { reconnection: true, reconnectionDelay: 20, reconnectionDelayMax: 40 };

/** A logged-in client of `userId` in room `lobby`, whose page visibility the test controls. */
async function tab(userId: string) {
  const visibility = fakeVisibility();
  const client = await harness.connectClient({
    token: await harness.lucky.login({ id: userId }),
    activity: { visibility },
    socketOptions: reconnecting,
  });
  expect(await client.joinRoom('lobby')).toBe(true);
  return Object.assign(client, { visibility });
}

describe('useSocketStatus', () => {
  it('renders DISCONNECTED while the tab is hidden, then CONNECTED again', async () => {
    harness = await startServer({ routes });
    const ada = await tab('ada');
    renderWithClient(ada, SocketStatusView, {});
    expect(screen.getByTestId('self').textContent?.trim()).toBe('CONNECTED');

    ada.visibility.setHidden(true);
    await waitFor(() => expect(screen.getByTestId('self').textContent?.trim()).toBe('DISCONNECTED'));
    ada.visibility.setHidden(false);
    await waitFor(() => expect(screen.getByTestId('self').textContent?.trim()).toBe('CONNECTED'));
  });

  it('renders RECONNECTING with the attempt while the server refuses, then CONNECTED', async () => {
    harness = await startServer({ routes });
    const client = await harness.connectClient({ socketOptions: reconnecting });
    renderWithClient(client, SocketStatusView, {});
    const engine = harness.lucky.io.engine;
    engine.opts.allowRequest = (_request, answer) => answer('closed for the test', false);
    for (const socket of harness.lucky.io.of('/').sockets.values()) socket.conn.close();

    await screen.findByText(/RECONNECTING, attempt [2-9]/);
    engine.opts.allowRequest = undefined;
    await waitFor(() => expect(screen.getByTestId('self').textContent?.trim()).toBe('CONNECTED'));
  });

  it('lists a peer that switched tabs as DISCONNECTED with a countdown, then CONNECTED', async () => {
    harness = await startServer({ routes, config: { socketActivityBroadcaster: true } });
    const [ada, bob] = [await tab('ada'), await tab('bob')];
    renderWithClient(bob, SocketStatusView, {});
    expect(screen.queryByRole('listitem')).toBeNull();

    ada.visibility.setHidden(true);
    const away = await screen.findByRole('listitem');
    expect(away.textContent?.trim()).toMatch(/^ada: DISCONNECTED, returns in (19|20)s$/);
    ada.visibility.setHidden(false);
    await waitFor(() => expect(screen.getByRole('listitem').textContent?.trim()).toBe('ada: CONNECTED'));
    expect(screen.getByTestId('self').textContent?.trim()).toBe('CONNECTED');
  });
});
