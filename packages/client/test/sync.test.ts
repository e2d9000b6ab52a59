import { ERROR_CODES, type ErrorResponse, type SyncDelivery } from '@luckystack/core';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { type SyncRoutes, syncRoutes } from './sync.fixture';

let harness: Harness;
beforeEach(async () => {
  harness = await startServer({ routes: syncRoutes });
});
afterEach(() => harness.close());

async function member(room: string, user?: string, path = '/room') {
  const token = user ? await harness.lucky.login({ id: user }) : undefined;
  const client = await harness.connectClient<SyncRoutes>({ token, getPath: () => path });
  expect(await client.joinRoom(room)).toBe(true);
  return client;
}

/** Collects what a client's callbacks receive for `name`. */
function inbox(client: Awaited<ReturnType<typeof member>>, name: Parameters<typeof client.onSync>[0]) {
  const received: SyncDelivery[] = [];
  client.onSync(name, (event) => received.push(event as SyncDelivery));
  return received;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function errorOf(result: unknown): ErrorResponse {
  expect(result).toMatchObject({ status: 'error' });
  return result as ErrorResponse;
}

describe('sync events', () => {
  it('runs _server once and delivers its output to every receiver, sender included', async () => {
    const [alice, bob] = [await member('r1', 'alice'), await member('r1', 'bob')];
    const [toAlice, toBob] = [inbox(alice, 'chat'), inbox(bob, 'chat')];
    expect(await alice.syncRequest({ name: 'chat', data: { text: 'hi' }, receiver: 'r1' })).toEqual({
      delivered: 2,
    });
    await vi.waitFor(() => expect(toBob).toHaveLength(1));
    const expected = {
      name: 'room/chat',
      clientData: { text: 'hi' },
      serverOutput: { status: 'success', authorId: 'alice', length: 2 },
    };
    expect(toBob[0]).toEqual(expected);
    await vi.waitFor(() => expect(toAlice).toEqual([expected]));
  });

  it('delivers nothing when _server refuses, and tells the sender why', async () => {
    const [alice, bob] = [await member('r1'), await member('r1')];
    const toBob = inbox(bob, 'chat');
    const error = errorOf(
      await alice.syncRequest({ name: 'chat', data: { text: 'forbidden' }, receiver: 'r1' }),
    );
    expect(error).toMatchObject({ errorCode: ERROR_CODES.FORBIDDEN, message: 'Not allowed here' });
    const invalid = errorOf(
      await alice.syncRequest({ name: 'chat', data: { text: 'x'.repeat(101) }, receiver: 'r1' }),
    );
    expect(invalid.errorCode).toBe(ERROR_CODES.INVALID_INPUT);
    await settle();
    expect(toBob).toEqual([]);
  });

  it('runs a lone _client handler per receiver, with serverOutput null', async () => {
    const [alice, bob] = [await member('r1'), await member('r1')];
    const toBob = inbox(bob, 'ping');
    expect(await alice.syncRequest({ name: 'ping', data: { n: 1 }, receiver: 'r1' })).toEqual({
      delivered: 2,
    });
    await vi.waitFor(() =>
      expect(toBob).toEqual([{ name: 'room/ping', clientData: { n: 1 }, serverOutput: null }]),
    );
  });

  it('lets _client skip one receiver and reshape for another, with each receiver’s own session', async () => {
    const [alice, bob, carol] = [
      await member('r1', 'alice'),
      await member('r1', 'bob'),
      await member('r1', 'carol'),
    ];
    const [toBob, toCarol] = [inbox(bob, 'secret'), inbox(carol, 'secret')];
    expect(
      await alice.syncRequest({ name: 'secret', data: { text: 'psst' }, receiver: 'r1', ignoreSelf: true }),
    ).toEqual({
      delivered: 1,
    });
    await vi.waitFor(() =>
      expect(toCarol).toEqual([
        {
          name: 'room/secret',
          clientData: { text: 'PSST', for: 'carol', from: 'alice' },
          serverOutput: { status: 'success', from: 'alice' },
        },
      ]),
    );
    expect(toBob).toEqual([]);
  });

  it('skips only the sending socket with ignoreSelf, not the same user’s other sockets', async () => {
    const token = await harness.lucky.login({ id: 'alice' });
    const tabA = await harness.connectClient<SyncRoutes>({ token, getPath: () => '/room' });
    const tabB = await harness.connectClient<SyncRoutes>({ token, getPath: () => '/room' });
    await tabA.joinRoom('r1');
    await tabB.joinRoom('r1');
    const [toA, toB] = [inbox(tabA, 'ping'), inbox(tabB, 'ping')];
    expect(
      await tabA.syncRequest({ name: 'ping', data: { n: 2 }, receiver: 'r1', ignoreSelf: true }),
    ).toEqual({
      delivered: 1,
    });
    await vi.waitFor(() => expect(toB).toHaveLength(1));
    expect(toA).toEqual([]);
  });

  it('refuses a room the sender has not joined, and "all" unless allowed', async () => {
    const alice = await member('r1');
    const outsider = errorOf(await alice.syncRequest({ name: 'ping', data: { n: 1 }, receiver: 'r2' }));
    expect(outsider.errorCode).toBe(ERROR_CODES.FORBIDDEN);
    expect(
      errorOf(await alice.syncRequest({ name: 'ping', data: { n: 1 }, receiver: 'all' })).errorCode,
    ).toBe(ERROR_CODES.FORBIDDEN);
    harness.lucky.config.sync.requireRoomMembership = false;
    expect(await alice.syncRequest({ name: 'ping', data: { n: 1 }, receiver: 'r2' })).toEqual({
      delivered: 0,
    });
  });

  it('broadcasts to every socket with "all" when allowed, with and without _client', async () => {
    harness.lucky.config.sync.allowAll = true;
    const [alice, bob] = [await member('r1'), await member('r2')];
    const [pings, chats] = [inbox(bob, 'ping'), inbox(bob, 'chat')];
    expect(
      await alice.syncRequest({ name: 'ping', data: { n: 3 }, receiver: 'all', ignoreSelf: true }),
    ).toEqual({
      delivered: 1,
    });
    expect(await alice.syncRequest({ name: 'chat', data: { text: 'all' }, receiver: 'all' })).toEqual({
      delivered: 2,
    });
    await vi.waitFor(() => expect([pings.length, chats.length]).toEqual([1, 1]));
  });

  it('confirms delivered: 0 for an empty room', async () => {
    harness.lucky.config.sync.requireRoomMembership = false;
    const alice = await member('r1');
    expect(await alice.syncRequest({ name: 'chat', data: { text: 'echo' }, receiver: 'empty' })).toEqual({
      delivered: 0,
    });
  });

  it('refuses auth-guarded syncs to anonymous senders', async () => {
    const anonymous = await member('r1');
    expect(
      errorOf(await anonymous.syncRequest({ name: 'secret', data: { text: 'x' }, receiver: 'r1' })).errorCode,
    ).toBe(ERROR_CODES.UNAUTHORIZED);
  });

  it('calls only the callbacks of the receiver’s page', async () => {
    const onCanvas = await member('r1', undefined, '/canvas');
    const onSandbox = await member('r1', undefined, '/sandbox');
    const [canvasMoves, sandboxMoves] = [inbox(onCanvas, 'cursorMove'), inbox(onSandbox, 'cursorMove')];
    await onCanvas.syncRequest({ name: 'cursorMove', data: { x: 1 }, receiver: 'r1' });
    await onSandbox.syncRequest({ name: 'cursorMove', data: { x: 2 }, receiver: 'r1' });
    await vi.waitFor(() => expect(canvasMoves.map((event) => event.clientData)).toEqual([{ x: 1 }]));
    expect(sandboxMoves.map((event) => event.clientData)).toEqual([{ x: 2 }]);
  });

  it('removes callbacks: unsubscribe stops them, upsert keeps one per name', async () => {
    const [alice, bob] = [await member('r1'), await member('r1')];
    const first = vi.fn();
    const second = vi.fn();
    const stop = bob.onSync('ping', first);
    bob.upsertSyncEventCallback('ping', first);
    bob.upsertSyncEventCallback('ping', second);
    expect(bob.syncCallbackCount).toBe(2);
    await alice.syncRequest({ name: 'ping', data: { n: 1 }, receiver: 'r1' });
    await vi.waitFor(() => expect(second).toHaveBeenCalledTimes(1));
    expect(first).toHaveBeenCalledTimes(1);
    stop();
    const stopUpsert = bob.upsertSyncEventCallback('ping', second);
    stopUpsert();
    expect(bob.syncCallbackCount).toBe(0);
    await alice.syncRequest({ name: 'ping', data: { n: 2 }, receiver: 'r1' });
    await settle();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);
  });

  it('delivers 100 syncs in order to each of 200 receivers', async () => {
    harness.lucky.config.limits.maxInFlightPerSocket = 128;
    const sender = await member('big');
    const receivers: Socket[] = [];
    for (let i = 0; i < 200; i++) receivers.push(await harness.connectRaw({ auth: { rooms: ['big'] } }));
    const seen = receivers.map(() => [] as number[]);
    receivers.forEach((socket, r) => {
      socket.on('sync', (delivery: SyncDelivery<unknown, { i: number }>) =>
        seen[r]!.push(delivery.serverOutput.i),
      );
    });
    const confirmations = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        sender.syncRequest({ name: 'stream', data: { i }, receiver: 'big', ignoreSelf: true }),
      ),
    );
    expect(
      confirmations.every((confirmation) => (confirmation as { delivered: number }).delivered === 200),
    ).toBe(true);
    const ordered = Array.from({ length: 100 }, (_, i) => i);
    await vi.waitFor(() => expect(seen.every((list) => list.length === 100)).toBe(true), { timeout: 10_000 });
    expect(seen.every((list) => list.every((value, index) => value === ordered[index]))).toBe(true);
  });
});

describe('rooms', () => {
  it('joins and leaves; a left room receives nothing more', async () => {
    const [alice, bob] = [await member('r1'), await member('r1')];
    const toBob = inbox(bob, 'ping');
    expect(await bob.leaveRoom('r1')).toBe(true);
    expect(bob.rooms.has('r1')).toBe(false);
    expect(await alice.syncRequest({ name: 'ping', data: { n: 1 }, receiver: 'r1' })).toEqual({
      delivered: 1,
    });
    await settle();
    expect(toBob).toEqual([]);
  });

  it('rejoins its rooms on reconnect, before connect fires, so the next sync reaches it', async () => {
    const alice = await member('r1');
    const token = await harness.lucky.login({ id: 'bob' });
    const bob = await harness.connectClient<SyncRoutes>({
      token,
      getPath: () => '/room',
      socketOptions: { reconnection: true, reconnectionDelay: 10, reconnectionDelayMax: 20 },
    });
    await bob.joinRoom('r1');
    await bob.joinRoom('r2');
    const toBob = inbox(bob, 'ping');
    const reconnected = new Promise((resolve) => bob.socket.io.once('reconnect', resolve));
    for (const socket of harness.lucky.io.of('/').sockets.values())
      if (socket.rooms.has('r2')) socket.conn.close();
    await reconnected;
    expect(await alice.syncRequest({ name: 'ping', data: { n: 9 }, receiver: 'r1' })).toEqual({
      delivered: 2,
    });
    await vi.waitFor(() => expect(toBob.map((event) => event.clientData)).toEqual([{ n: 9 }]));
    await expect(bob.apiRequest({ name: 'session' })).resolves.toEqual({ id: 'bob' });
  });

  it('answers hostile room requests with errors and keeps serving', async () => {
    const socket = await harness.connectRaw();
    const ask = (event: string, payload: unknown, index: number) =>
      new Promise((resolve) => {
        socket.once(`roomResponse-${index}`, resolve);
        socket.emit(event, payload);
      });
    const hostile: unknown[] = [
      null,
      ['r1'],
      { nested: true },
      'x'.repeat(10_000),
      '',
      'all',
      'lucky:token:abc',
      'a\u0000b',
      42,
    ];
    for (const [i, room] of hostile.entries()) {
      expect(await ask('joinRoom', { room, responseIndex: i }, i)).toMatchObject({
        status: 'error',
        errorCode: 'BAD_REQUEST',
      });
    }
    socket.emit('joinRoom', null);
    socket.emit('joinRoom', ['r1']);
    socket.emit('leaveRoom', 'r1');
    expect(await ask('joinRoom', { room: 'ok', responseIndex: 99 }, 99)).toEqual({
      status: 'success',
      result: true,
    });
    expect(await ask('leaveRoom', { room: 'ok', responseIndex: 100 }, 100)).toEqual({
      status: 'success',
      result: true,
    });
  });

  it('caps the rooms per socket', async () => {
    harness.lucky.config.limits.maxRoomsPerSocket = 2;
    const client = await member('a');
    expect(await client.joinRoom('b')).toBe(true);
    expect(errorOf(await client.joinRoom('c')).errorCode).toBe(ERROR_CODES.RATE_LIMITED);
    expect(await client.joinRoom('a')).toBe(true);
  });

  it('stores the page a socket is on, and ignores a hostile one', async () => {
    const client = await member('r1', undefined, '/games/poker');
    client.updateLocation();
    await vi.waitFor(() => {
      const [socket] = harness.lucky.io.of('/').sockets.values();
      expect(socket?.data.location).toBe('/games/poker');
    });
    client.updateLocation('/../etc');
    client.updateLocation(null as unknown as string);
    await settle();
    const [socket] = harness.lucky.io.of('/').sockets.values();
    expect(socket?.data.location).toBe('/games/poker');
  });
});
