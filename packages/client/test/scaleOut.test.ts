import { createLuckyClient, type LuckyClient, type LuckyClientOptions } from '@luckystack/client';
import type { ForceLogoutMessage, SyncDelivery, UserAfkMessage } from '@luckystack/core';
import { RedisSessionStore } from '@luckystack/server/redis';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { type Cluster, startCluster } from '../../../testing/cluster';
import { deleteKeys, describeWithRedis, redisUrl, uniquePrefix } from '../../../testing/redis';
import { fakeVisibility } from '../../../testing/visibility';

const projectName = uniquePrefix();
let cluster: Cluster;
let redis: Redis;
let sessions: RedisSessionStore;
const clients = new Set<LuckyClient>();

/** A client connected to `url` (a node, or the balancer), reconnecting quickly. */
async function connect(url: string, options: Omit<LuckyClientOptions, 'url' | 'socket'> = {}) {
  const client = createLuckyClient({
    url,
    ...options,
    socketOptions: {
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 100,
      ...options.socketOptions,
    },
  });
  clients.add(client);
  await vi.waitFor(() => expect(client.socket.connected).toBe(true), { timeout: 5_000 });
  return client;
}

/** A logged-in client of `userId` on `url`, in `room`. */
async function member(
  url: string,
  userId: string,
  room: string,
  extra: Omit<LuckyClientOptions, 'url' | 'socket'> = {},
) {
  const state = { token: null as string | null };
  const client = await connect(url, {
    token: () => state.token,
    onToken: (token) => (state.token = token),
    ...extra,
  });
  await client.apiRequest({ name: '/auth/login', data: { name: userId } });
  await vi.waitFor(() => expect(state.token).not.toBeNull());
  expect(await client.joinRoom(room)).toBe(true);
  return Object.assign(client, { state });
}

function inbox(client: LuckyClient, name: string) {
  const received: SyncDelivery[] = [];
  client.onSync(name as never, (event) => received.push(event as SyncDelivery));
  return received;
}

const url = (index: number) => cluster.nodes[index]!.url;

describeWithRedis('three server processes on one Redis', () => {
  beforeAll(async () => {
    redis = new Redis(redisUrl());
    sessions = new RedisSessionStore({ redis, projectName });
    cluster = await startCluster({
      count: 3,
      redisUrl: redisUrl(),
      projectName,
      graceTimes: { tabSwitch: 400 },
    });
  }, 30_000);
  afterEach(() => {
    for (const client of clients) client.close();
    clients.clear();
  });
  afterAll(async () => {
    await cluster?.close();
    await deleteKeys(redis, projectName);
    await redis.quit();
  });

  it('delivers room syncs and "all" to the sockets of every node, and counts them all', async () => {
    const [a, b, c] = [
      await member(url(0), 'a1', 'r1'),
      await member(url(1), 'b1', 'r1'),
      await member(url(2), 'c1', 'r1'),
    ];
    const boxes = [a, b, c].map((client) => inbox(client, '/room/chat'));
    expect(await a.syncRequest({ name: '/room/chat', data: { text: 'hi' }, receiver: 'r1' })).toEqual({
      delivered: 3,
    });
    await vi.waitFor(() => expect(boxes.map((box) => box.length)).toEqual([1, 1, 1]));
    expect(boxes[2]![0]!.serverOutput).toMatchObject({ node: 'node1', text: 'hi' });
    const outsider = await connect(url(2));
    const all = inbox(outsider, '/room/chat');
    const confirmation = (await b.syncRequest({
      name: '/room/chat',
      data: { text: 'all' },
      receiver: 'all',
      ignoreSelf: true,
    })) as {
      delivered: number;
    };
    expect(confirmation.delivered).toBeGreaterThanOrEqual(3);
    await vi.waitFor(() => expect(all).toHaveLength(1));
  });

  it('runs _client once per receiver, with each receiver’s session, wherever it is connected', async () => {
    const sender = await member(url(0), 's2', 'r2');
    const receivers = [
      await member(url(1), 'x2', 'r2'),
      await member(url(2), 'y2', 'r2'),
      await member(url(2), 'skipped', 'r2'),
    ];
    const boxes = receivers.map((client) => inbox(client, '/room/shaped'));
    const senderBox = inbox(sender, '/room/shaped');
    expect(
      await sender.syncRequest({
        name: '/room/shaped',
        data: { text: 'x' },
        receiver: 'r2',
        ignoreSelf: true,
      }),
    ).toEqual({
      delivered: 2,
    });
    await vi.waitFor(() => expect(boxes.map((box) => box.length)).toEqual([1, 1, 0]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(boxes.map((box) => box.map((event) => (event.clientData as { for: string }).for))).toEqual([
      ['x2'],
      ['y2'],
      [],
    ]);
    expect(senderBox).toEqual([]);
  });

  it('pushes updateSession and forceLogout to the user’s sockets on every node', async () => {
    const first = await member(url(0), 'ada3', 'r3');
    const token = first.state.token!;
    const elsewhere = [await connect(url(1), { token }), await connect(url(2), { token })];
    const updates = elsewhere.map(
      (client) =>
        new Promise((resolve) =>
          client.onSessionUpdate((session) => session?.name === 'Countess' && resolve(session)),
        ),
    );
    await first.apiRequest({ name: '/me/rename', data: { name: 'Countess' } });
    await Promise.all(updates);

    const kicked = [first, ...elsewhere].map(
      (client) => new Promise<ForceLogoutMessage>((resolve) => client.onForceLogout(resolve)),
    );
    await member(url(2), 'ada3', 'r3');
    expect(await Promise.all(kicked)).toEqual(Array(3).fill({ reason: 'session-replaced' }));
    expect(await sessions.get(token)).toBeNull();
  });

  it('keeps one session per user when two logins race on two nodes', async () => {
    for (let round = 0; round < 5; round++) {
      const user = `racer4-${round}`;
      const [left, right] = [await connect(url(0)), await connect(url(1))];
      await Promise.all(
        [left, right].map((client) => client.apiRequest({ name: '/auth/login', data: { name: user } })),
      );
      await vi.waitFor(async () => expect(await sessions.tokensOf(user)).toHaveLength(1));
    }
  });

  it('tracks presence across nodes: a tab on another node keeps the user present; a return on another node counts', async () => {
    const bob = await member(url(1), 'bob5', 'r5');
    const seen: [string, unknown][] = [];
    for (const name of ['userAfk', 'userBack', 'userLeft'])
      bob.socket.on(name, (message) => seen.push([name, message]));
    const visibilityA = fakeVisibility();
    const visibilityB = fakeVisibility();
    const tabA = await member(url(0), 'ada5', 'r5', { activity: { visibility: visibilityA } });
    const tabB = await connect(url(2), { token: tabA.state.token!, activity: { visibility: visibilityB } });
    await tabB.joinRoom('r5');

    visibilityA.setHidden(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual([]);
    visibilityB.setHidden(true);
    await vi.waitFor(() => expect(seen.map(([name]) => name)).toEqual(['userAfk']));
    expect((seen[0]![1] as UserAfkMessage).userId).toBe('ada5');

    // Back on node1, while the away timer sits on node3.
    visibilityA.setHidden(false);
    await vi.waitFor(() => expect(seen.map(([name]) => name)).toEqual(['userAfk', 'userBack']));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(seen.map(([name]) => name)).toEqual(['userAfk', 'userBack']);
  });

  it('survives a node dying: its clients reconnect elsewhere and rejoin their rooms; no ghost presence stays', async () => {
    const spare = await startCluster({
      count: 2,
      redisUrl: redisUrl(),
      projectName,
      graceTimes: { tabSwitch: 400 },
    });
    try {
      const { balancer } = spare;
      const members: LuckyClient[] = [];
      for (let i = 0; i < 4; i++) members.push(await member(balancer.url, `m6-${i}`, 'r6'));
      const nodes = await Promise.all(members.map((client) => client.apiRequest({ name: '/node/name' })));
      expect(new Set(nodes)).toEqual(new Set(['node1', 'node2']));

      // A user hides its tab: the away timer lives on its node, which then dies.
      const watcherIndex = nodes.indexOf('node1');
      const watcher = members[watcherIndex]!;
      const visibility = fakeVisibility();
      const hiding = await member(spare.nodes[1]!.url, 'hider6', 'r6', { activity: { visibility } });
      visibility.setHidden(true);
      await vi.waitFor(() =>
        expect(watcher.status.getSnapshot().hider6).toMatchObject({ status: 'DISCONNECTED' }),
      );
      expect(hiding.socket.connected).toBe(false);

      const onDyingNode = members.filter((_, i) => nodes[i] === 'node2');
      const dropped = onDyingNode.map(
        (client) => new Promise((resolve) => client.socket.once('disconnect', resolve)),
      );
      balancer.setBackends([spare.nodes[0]!.port]);
      await spare.nodes[1]!.kill();
      await Promise.all(dropped);
      await vi.waitFor(() => expect(members.every((client) => client.socket.connected)).toBe(true), {
        timeout: 10_000,
      });
      const movedNodes = await Promise.all(
        members.map((client) => client.apiRequest({ name: '/node/name' })),
      );
      expect(movedNodes).toEqual(Array(4).fill('node1'));

      const boxes = members.map((client) => inbox(client, '/room/chat'));
      expect(
        await watcher.syncRequest({ name: '/room/chat', data: { text: 'after' }, receiver: 'r6' }),
      ).toEqual({ delivered: 4 });
      await vi.waitFor(() => expect(boxes.map((box) => box.length)).toEqual([1, 1, 1, 1]));

      // The hider's node died with its timer: the watcher drops it after the deadline instead of keeping a ghost.
      await vi.waitFor(() => expect(watcher.status.getSnapshot().hider6).toBeUndefined(), {
        timeout: 5_000,
      });
      expect(Object.keys(watcher.status.getSnapshot())).toEqual(['self']);
    } finally {
      await spare.close();
    }
  }, 30_000);
});
