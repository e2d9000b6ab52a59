import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLuckyClient, type LuckyClient } from '@luckystack/client';
import type { SocketStatus, UserAfkMessage, UserPresenceMessage } from '@luckystack/core';
import { createLuckyServer } from '@luckystack/server';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { fakeVisibility } from '../../../testing/visibility';
import { presenceRoutes } from './presence.fixture';

let harness: Harness;
afterEach(() => harness?.close());

type Config = NonNullable<Parameters<typeof startServer>[0]['config']>;
const start = async (config: Config = {}) => {
  harness = await startServer({
    routes: presenceRoutes,
    config: { socketActivityBroadcaster: true, ...config },
  });
};

/** A logged-in tab of `userId` in `room`, whose page visibility the test controls. */
async function tab(userId: string, room = 'lobby', token?: string) {
  const visibility = fakeVisibility();
  const sessionToken = token ?? (await harness.lucky.login({ id: userId }));
  const client = await harness.connectClient({
    token: sessionToken,
    activity: { visibility },
    socketOptions: { reconnection: true, reconnectionDelay: 20, reconnectionDelayMax: 40 },
  });
  expect(await client.joinRoom(room)).toBe(true);
  return Object.assign(client, { visibility, token: sessionToken });
}

/** Records every presence event a socket receives. */
function watch(socket: Socket) {
  const events: [string, UserAfkMessage | UserPresenceMessage][] = [];
  for (const name of ['userAfk', 'userBack', 'userLeft'])
    socket.on(name, (message) => events.push([name, message]));
  return events;
}

const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the activity broadcaster', () => {
  it('tells peers a user switched tabs, with the 20 s deadline, and that it came back', async () => {
    await start();
    const [ada, bob] = [await tab('ada'), await tab('bob')];
    const seen = watch(bob.socket);
    const before = Date.now();
    ada.visibility.setHidden(true);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    const [name, message] = seen[0]!;
    expect(name).toBe('userAfk');
    expect((message as UserAfkMessage).endTime - before).toBeGreaterThanOrEqual(20_000);
    expect((message as UserAfkMessage).endTime - Date.now()).toBeLessThanOrEqual(20_000);
    await vi.waitFor(() => expect(bob.status.getSnapshot().ada).toMatchObject({ status: 'DISCONNECTED' }));
    expect(ada.status.getSnapshot().self).toEqual({ status: 'DISCONNECTED', reason: 'hidden' });

    ada.visibility.setHidden(false);
    await vi.waitFor(() => expect(seen.map(([event]) => event)).toEqual(['userAfk', 'userBack']));
    expect(bob.status.getSnapshot().ada).toEqual({ status: 'CONNECTED' });
    expect(ada.status.getSnapshot().self).toEqual({ status: 'CONNECTED' });
    await expect(ada.apiRequest({ name: '/me/whoami' })).resolves.toBe('ada');
  });

  it('tells peers a user left once it stays away past the grace time, and forgets it', async () => {
    await start({ graceTimes: { tabSwitch: 150 } });
    const [ada, bob] = [await tab('ada'), await tab('bob')];
    const seen = watch(bob.socket);
    ada.visibility.setHidden(true);
    await vi.waitFor(() => expect(seen.map(([event]) => event)).toEqual(['userAfk', 'userLeft']));
    expect(bob.status.getSnapshot()).toEqual({ self: { status: 'CONNECTED' } });
    expect(harness.lucky.awayCount).toBe(0);
  });

  it('gives a dropped network 60 s, and counts its return as back', async () => {
    await start();
    const [ada, bob] = [await tab('ada'), await tab('bob')];
    const seen = watch(bob.socket);
    const before = Date.now();
    ada.socket.io.engine.close();
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[0]![0]).toBe('userAfk');
    expect((seen[0]![1] as UserAfkMessage).endTime - before).toBeGreaterThanOrEqual(60_000);
    expect(seen[1]).toEqual(['userBack', { userId: 'ada' }]);
  });

  it('changes nothing for peers or the session when one of two tabs closes or hides', async () => {
    await start({ graceTimes: { other: 20 } });
    const first = await tab('ada');
    const second = await tab('ada', 'lobby', first.token);
    const bob = await tab('bob');
    const [toBob, toSecond] = [watch(bob.socket), watch(second.socket)];
    first.visibility.setHidden(true);
    first.close();
    await settle(200);
    expect(toBob).toEqual([]);
    expect(toSecond).toEqual([]);
    await expect(second.apiRequest({ name: '/me/whoami' })).resolves.toBe('ada');
    second.visibility.setHidden(true);
    await vi.waitFor(() => expect(toBob.map(([event]) => event)).toEqual(['userAfk']));
  });

  it('sends no userBack for a first connect or a second tab', async () => {
    await start();
    const bob = await tab('bob');
    const seen = watch(bob.socket);
    const ada = await tab('ada');
    await tab('ada', 'lobby', ada.token);
    await settle();
    expect(seen).toEqual([]);
  });

  it('sends nothing to peers when switched off, while self stays right', async () => {
    await start({ socketActivityBroadcaster: false });
    const [ada, bob] = [await tab('ada'), await tab('bob')];
    const seen = watch(bob.socket);
    ada.visibility.setHidden(true);
    await vi.waitFor(() => expect(ada.status.getSnapshot().self.status).toBe('DISCONNECTED'));
    ada.visibility.setHidden(false);
    await vi.waitFor(() => expect(ada.status.getSnapshot().self.status).toBe('CONNECTED'));
    await settle();
    expect(seen).toEqual([]);
    expect(Object.keys(bob.status.getSnapshot())).toEqual(['self']);
  });

  it('leaves no timer, away entry or room behind after 2,000 connect/disconnect cycles', async () => {
    await start({ graceTimes: { other: 1, tabSwitch: 1, transport: 1 } });
    const adapterRooms = harness.lucky.io.of('/').adapter.rooms;
    const baselineRooms = adapterRooms.size;
    const timersBefore = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) => harness.lucky.login({ id: `churn${i}` })),
    );
    const observer = await harness.connectRaw({ auth: { rooms: ['lobby'] } });
    const seen = watch(observer);
    for (let round = 0; round < 100; round++) {
      const sockets = await Promise.all(
        tokens.map((token) => harness.connectRaw({ auth: { token, rooms: ['lobby', `room${round % 3}`] } })),
      );
      for (const socket of sockets) socket.disconnect();
    }
    await vi.waitFor(() => expect(harness.lucky.awayCount).toBe(0), { timeout: 5_000 });
    await settle(50);
    // The cycles really went through the broadcaster: peers heard users go and leave.
    expect(seen.filter(([event]) => event === 'userLeft').length).toBeGreaterThan(100);
    observer.disconnect();
    await settle(50);
    expect(adapterRooms.size).toBe(baselineRooms);
    expect(harness.lucky.io.of('/').sockets.size).toBe(0);
    const timersAfter = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    expect(timersAfter).toBeLessThanOrEqual(timersBefore);
  });
});

describe('the socket status of a client', () => {
  it('goes RECONNECTING with real attempt numbers while the server restarts, then CONNECTED', async () => {
    const httpServer = createServer();
    let lucky = createLuckyServer({
      httpServer,
      routes: presenceRoutes,
      socketOptions: { transports: ['websocket'] },
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = httpServer.address() as AddressInfo;
    const client: LuckyClient = createLuckyClient({
      url: `http://127.0.0.1:${port}`,
      socketOptions: {
        transports: ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 50,
        randomizationFactor: 0,
      },
    });
    const history: SocketStatus['self'][] = [];
    client.status.subscribe(() => history.push(client.status.getSnapshot().self));
    await vi.waitFor(() => expect(client.status.getSnapshot().self.status).toBe('CONNECTED'));

    await lucky.close();
    await new Promise<void>((resolve) => lucky.io.close(() => resolve()));
    await vi.waitFor(() =>
      expect(history.filter((entry) => entry.status === 'RECONNECTING').length).toBeGreaterThanOrEqual(3),
    );

    const restarted = createServer();
    lucky = createLuckyServer({
      httpServer: restarted,
      routes: presenceRoutes,
      socketOptions: { transports: ['websocket'] },
    });
    await new Promise<void>((resolve) => restarted.listen(port, '127.0.0.1', resolve));
    await vi.waitFor(() => expect(client.status.getSnapshot().self).toEqual({ status: 'CONNECTED' }), {
      timeout: 5_000,
    });

    const attempts = history.flatMap((entry) =>
      entry.status === 'RECONNECTING' ? [entry.reconnectAttempt] : [],
    );
    expect(attempts.slice(0, 3)).toEqual([1, 2, 3]);
    expect(history[0]).toEqual({ status: 'CONNECTED' });
    expect(history[1]).toMatchObject({ status: 'DISCONNECTED' });
    client.close();
    await lucky.close();
    await new Promise<void>((resolve) => lucky.io.close(() => resolve()));
  });

  it('goes DISCONNECTED with reason forceLogout when kicked', async () => {
    await start();
    const first = await tab('ada');
    await tab('ada');
    await vi.waitFor(() =>
      expect(first.status.getSnapshot().self).toEqual({ status: 'DISCONNECTED', reason: 'forceLogout' }),
    );
  });
});
