import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { fakeVisibility } from '../../../testing/visibility';
import { useSocketStatus } from '../src';
import { modes, renderWith } from './render';
import { routes } from './routes.fixture';

let harness: Harness;
afterEach(async () => {
  cleanup();
  await harness?.close();
});

/** A logged-in client of `userId` in room `lobby`, whose page visibility the test controls. */
async function tab(userId: string) {
  const visibility = fakeVisibility();
  const client = await harness.connectClient({
    token: await harness.lucky.login({ id: userId }),
    activity: { visibility },
    socketOptions: { reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 50 },
  });
  expect(await client.joinRoom('lobby')).toBe(true);
  return Object.assign(client, { visibility });
}

function SelfStatus({ seen = [] }: { seen?: string[] }) {
  const { socketStatus } = useSocketStatus();
  if (seen.at(-1) !== socketStatus.self.status) seen.push(socketStatus.self.status);
  return <p data-testid="self">{socketStatus.self.status}</p>;
}

function Peers() {
  const { socketStatus } = useSocketStatus();
  return (
    <ul>
      {Object.entries(socketStatus).map(([userId, entry]) =>
        userId === 'self' ? null : (
          <li key={userId}>
            {userId}: {entry.status}
            {entry.status === 'DISCONNECTED' &&
              entry.endTime &&
              ` (returns in ${Math.round((entry.endTime - Date.now()) / 1000)}s)`}
          </li>
        ),
      )}
    </ul>
  );
}

describe.each(modes)('useSocketStatus ($mode)', ({ Mode }) => {
  it('renders CONNECTED, DISCONNECTED while the tab is hidden, and CONNECTED once shown', async () => {
    harness = await startServer({ routes });
    const ada = await tab('ada');
    renderWith(ada, <SelfStatus />, Mode);
    expect(screen.getByTestId('self').textContent).toBe('CONNECTED');

    ada.visibility.setHidden(true);
    await waitFor(() => expect(screen.getByTestId('self').textContent).toBe('DISCONNECTED'));
    ada.visibility.setHidden(false);
    await waitFor(() => expect(screen.getByTestId('self').textContent).toBe('CONNECTED'));
  });

  it('renders DISCONNECTED, then RECONNECTING, then CONNECTED when the connection drops', async () => {
    harness = await startServer({ routes });
    const ada = await tab('ada');
    const seen: string[] = [];
    renderWith(ada, <SelfStatus seen={seen} />, Mode);

    ada.socket.io.engine.close();
    await waitFor(() => expect(seen).toEqual(['CONNECTED', 'DISCONNECTED', 'RECONNECTING', 'CONNECTED']));
    expect(screen.getByTestId('self').textContent).toBe('CONNECTED');
  });

  it('lists a peer who hid its tab as DISCONNECTED with a countdown, then CONNECTED', async () => {
    harness = await startServer({ routes, config: { socketActivityBroadcaster: true } });
    const [ada, bob] = [await tab('ada'), await tab('bob')];
    renderWith(bob, <Peers />, Mode);
    expect(screen.queryByRole('listitem')).toBeNull();

    ada.visibility.setHidden(true);
    const away = await screen.findByRole('listitem');
    expect(away.textContent).toMatch(/^ada: DISCONNECTED \(returns in (19|20)s\)$/);
    ada.visibility.setHidden(false);
    await waitFor(() => expect(screen.getByRole('listitem').textContent).toBe('ada: CONNECTED'));
  });
});
