import { ERROR_CODES, type ErrorResponse, type SyncDelivery } from '@luckystack/core';
import { MemoryIdempotencyStore } from '@luckystack/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordFigures } from '../../../testing/figures';
import { type Harness, startServer } from '../../../testing/harness';
import { effects, offlineRoutes } from './offline.fixture';

let harness: Harness;
afterEach(async () => {
  effects.length = 0;
  await harness.close();
});

const fast = { reconnection: true, reconnectionDelay: 5, reconnectionDelayMax: 20 };
type Config = NonNullable<Parameters<typeof startServer>[0]['config']>;
const start = async (config: Config = {}, idempotency?: MemoryIdempotencyStore) => {
  harness = await startServer({
    routes: offlineRoutes,
    idempotency,
    config: { limits: { rate: false, maxInFlightPerSocket: 1000 }, ...config },
  });
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('calls that survive a dropped connection', () => {
  it('answers 1,000 keyed calls exactly once while the connection is cut at random moments', async () => {
    await start();
    const client = await harness.connectClient({
      socketOptions: fast,
      timeoutMs: 60_000,
      offlineQueue: { maxSize: 1000 },
    });
    // A server-side disconnect is deliberate in Socket.IO (no auto-reconnect); the app reconnects here.
    client.socket.on('disconnect', (reason) => reason === 'io server disconnect' && client.socket.connect());
    let cuts = 0;
    let chaos = true;
    const chaosLoop = (async () => {
      while (chaos) {
        await sleep(10 + Math.random() * 40);
        if (!client.socket.connected) continue;
        cuts++;
        if (cuts % 2) client.socket.io.engine.close();
        else for (const socket of harness.lucky.io.of('/').sockets.values()) socket.disconnect(true);
      }
    })();
    const answers: unknown[] = [];
    for (let batch = 0; batch < 50; batch++) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          client.apiRequest({
            name: '/shop/buy',
            data: { id: `c${batch * 20 + i}` },
            idempotencyKey: true,
            offline: 'queue',
          }),
        ),
      );
      answers.push(...results);
    }
    chaos = false;
    await chaosLoop;
    const duplicates = effects.length - new Set(effects).size;
    recordFigures('offline', {
      calls: 1000,
      effects: effects.length,
      answers: answers.length,
      duplicates,
      cuts,
    });
    console.log(
      `[offline] 1000 keyed calls, ${cuts} cuts: ${effects.length} effects, ${answers.length} answers, ${duplicates} duplicates`,
    );
    expect(cuts).toBeGreaterThan(10);
    expect(answers.filter((answer) => (answer as ErrorResponse).status === 'error')).toEqual([]);
    expect(answers).toHaveLength(1000);
    expect(duplicates).toBe(0);
    expect(new Set(effects).size).toBe(1000);
  }, 120_000);

  it('fails unkeyed calls cut mid-flight with DISCONNECTED, and runs each at most once', async () => {
    await start();
    const client = await harness.connectClient({ socketOptions: fast });
    const calls = Array.from({ length: 50 }, (_, i) =>
      client.apiRequest({ name: '/shop/buy', data: { id: `u${i}` } }),
    );
    await sleep(2);
    client.socket.io.engine.close();
    const answers = await Promise.all(calls);
    const failed = answers.filter(
      (answer) => (answer as ErrorResponse).status === 'error',
    ) as ErrorResponse[];
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((answer) => answer.errorCode))).toEqual(new Set([ERROR_CODES.DISCONNECTED]));
    await sleep(50);
    expect(effects.length).toBe(new Set(effects).size);
    expect(effects.length).toBeLessThanOrEqual(50);
  });

  it('a retry while the first run is under way waits for it instead of running twice', async () => {
    await start();
    const [first, second] = [await harness.connectRaw(), await harness.connectRaw()];
    const ask = (socket: typeof first, responseIndex: number) =>
      new Promise((resolve) => {
        socket.once(`apiResponse-${responseIndex}`, resolve);
        socket.emit('apiRequest', {
          name: 'api/shop/buy',
          data: { id: 'once' },
          responseIndex,
          idempotencyKey: 'same-key',
        });
      });
    const answers = await Promise.all([ask(first, 1), ask(first, 2), ask(second, 3)]);
    expect(answers).toEqual(Array(3).fill({ status: 'success', result: { bought: 'once' } }));
    expect(effects).toEqual(['once']);
  });

  it('queues calls while offline, in order, shows the count in the status, and sends them on reconnect', async () => {
    await start();
    const client = await harness.connectClient({ socketOptions: { reconnection: false } });
    client.socket.disconnect();
    const queued = ['q1', 'q2', 'q3'].map((id) =>
      client.apiRequest({ name: '/shop/buy', data: { id }, offline: 'queue', idempotencyKey: true }),
    );
    expect(client.status.getSnapshot().self).toMatchObject({ status: 'DISCONNECTED', queued: 3 });
    expect(await client.apiRequest({ name: '/shop/buy', data: { id: 'now' } })).toMatchObject({
      errorCode: ERROR_CODES.DISCONNECTED,
    });
    client.socket.connect();
    expect(await Promise.all(queued)).toEqual([{ bought: 'q1' }, { bought: 'q2' }, { bought: 'q3' }]);
    expect(effects).toEqual(['q1', 'q2', 'q3']);
    expect(client.status.getSnapshot().self).toEqual({ status: 'CONNECTED' });
  });

  it('fails queued calls past their TTL with TIMEOUT, and refuses past the queue cap', async () => {
    await start();
    const client = await harness.connectClient({
      socketOptions: { reconnection: false },
      offlineQueue: { maxSize: 2, ttlMs: 100 },
    });
    client.socket.disconnect();
    const queued = [1, 2].map((i) =>
      client.apiRequest({ name: '/shop/buy', data: { id: `t${i}` }, offline: 'queue' }),
    );
    expect(
      await client.apiRequest({ name: '/shop/buy', data: { id: 't3' }, offline: 'queue' }),
    ).toMatchObject({
      errorCode: ERROR_CODES.RATE_LIMITED,
    });
    expect((await Promise.all(queued)).map((answer) => (answer as ErrorResponse).errorCode)).toEqual([
      ERROR_CODES.TIMEOUT,
      ERROR_CODES.TIMEOUT,
    ]);
    expect(client.status.getSnapshot().self.queued).toBeUndefined();
    expect(effects).toEqual([]);
  });

  it('forgets idempotency records after the window', async () => {
    const store = new MemoryIdempotencyStore(20);
    await start({ idempotency: { windowMs: 50 } }, store);
    const client = await harness.connectClient();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        client.apiRequest({ name: '/shop/buy', data: { id: `w${i}` }, idempotencyKey: `k${i}` }),
      ),
    );
    expect(store.size).toBe(30);
    await vi.waitFor(() => expect(store.size).toBe(0));
    // Past the window the same key runs again: the record really is gone.
    await client.apiRequest({ name: '/shop/buy', data: { id: 'w0' }, idempotencyKey: 'k0' });
    expect(effects.filter((id) => id === 'w0')).toHaveLength(2);
  });

  it('refuses a malformed idempotency key', async () => {
    await start();
    const client = await harness.connectClient();
    expect(
      await client.apiRequest({ name: '/shop/buy', data: { id: 'x' }, idempotencyKey: 'not a key!' }),
    ).toMatchObject({
      errorCode: ERROR_CODES.BAD_REQUEST,
    });
    expect(effects).toEqual([]);
  });

  it('sends volatile syncs without waiting, and drops them while offline instead of queueing', async () => {
    await start();
    const [sender, receiver] = [await harness.connectClient(), await harness.connectClient()];
    await sender.joinRoom('r');
    await receiver.joinRoom('r');
    const seen: SyncDelivery[] = [];
    receiver.onSync('/room/cursor', (event) => seen.push(event as SyncDelivery));
    expect(
      await sender.syncRequest({ name: '/room/cursor', data: { x: 1 }, receiver: 'r', volatile: true }),
    ).toBeNull();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    sender.socket.disconnect();
    expect(
      await sender.syncRequest({ name: '/room/cursor', data: { x: 2 }, receiver: 'r', volatile: true }),
    ).toBeNull();
    sender.socket.connect();
    await vi.waitFor(() => expect(sender.socket.connected).toBe(true));
    await sleep(50);
    expect(seen.map((event) => event.clientData)).toEqual([{ x: 1 }]);
  });
});
