import { render } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import { fakeVisibility } from '../../../testing/visibility';
import { luckyStack } from '../src';
import { start, text } from './helpers';
import type { Routes } from './routes.fixture';
import SocketStatusView from './SocketStatusView.vue';

describe('useSocketStatus', () => {
  it('renders CONNECTED, DISCONNECTED while the tab is hidden, then CONNECTED again', async () => {
    const harness = await start();
    const visibility = fakeVisibility();
    const client = await harness.connectClient<Routes>({ activity: { visibility } });
    const view = render(SocketStatusView, { global: { plugins: [luckyStack(client)] } });
    expect(text(view.getByTestId('self'))).toBe('CONNECTED');

    visibility.setHidden(true);
    await vi.waitFor(() => expect(text(view.getByTestId('self'))).toBe('DISCONNECTED'));
    visibility.setHidden(false);
    await vi.waitFor(() => expect(text(view.getByTestId('self'))).toBe('CONNECTED'));
  });

  it('renders DISCONNECTED and RECONNECTING with the attempt while the server refuses, then CONNECTED', async () => {
    const harness = await start();
    const client = await harness.connectClient<Routes>({
      socketOptions: {
        reconnection: true,
        reconnectionDelay: 300,
        reconnectionDelayMax: 300,
        randomizationFactor: 0,
      },
    });
    const view = render(SocketStatusView, { global: { plugins: [luckyStack(client)] } });
    expect(text(view.getByTestId('self'))).toBe('CONNECTED');

    // Refusing handshakes keeps the client RECONNECTING through a failed attempt, long enough to render.
    const { engine } = harness.lucky.io;
    engine.opts.allowRequest = (_request, answer) => answer('refused by the test', false);
    for (const socket of harness.lucky.io.of('/').sockets.values()) socket.conn.close();
    await vi.waitFor(() => expect(text(view.getByTestId('self'))).toBe('DISCONNECTED'));
    await vi.waitFor(() => expect(text(view.getByTestId('self'))).toMatch(/^RECONNECTING \(attempt \d+\)$/));

    engine.opts.allowRequest = undefined;
    await vi.waitFor(() => expect(text(view.getByTestId('self'))).toBe('CONNECTED'), { timeout: 5_000 });
  });

  it("renders a peer's tab switch as DISCONNECTED with a countdown, and its return as CONNECTED", async () => {
    const harness = await start({ socketActivityBroadcaster: true });
    const tab = async (userId: string) => {
      const visibility = fakeVisibility();
      const client = await harness.connectClient<Routes>({
        token: await harness.lucky.login({ id: userId }),
        activity: { visibility },
      });
      expect(await client.joinRoom('lobby')).toBe(true);
      return Object.assign(client, { visibility });
    };
    const [ada, bob] = [await tab('ada'), await tab('bob')];
    const view = render(SocketStatusView, { global: { plugins: [luckyStack(bob)] } });
    expect(view.queryByTestId('peer-ada')).toBeNull();

    ada.visibility.setHidden(true);
    await vi.waitFor(() =>
      expect(text(view.getByTestId('peer-ada'))).toMatch(/^ada: DISCONNECTED \(back within (19|20)s\)$/),
    );
    ada.visibility.setHidden(false);
    await vi.waitFor(() => expect(text(view.getByTestId('peer-ada'))).toBe('ada: CONNECTED'));
    expect(text(view.getByTestId('self'))).toBe('CONNECTED');
  });
});
