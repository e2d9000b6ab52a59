import { RedisSessionStore } from '@luckystack/server/redis';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { afterAll, expect, it, vi } from 'vitest';
import { recordFigures } from '../../../../testing/figures';
import { type Harness, startServer } from '../../../../testing/harness';
import { deleteKeys, describeWithRedis, redisUrl, uniquePrefix } from '../../../../testing/redis';
import { faultRoutes } from './faults.fixture';

const projectName = uniquePrefix();
let harness: Harness;
let redis: Redis;
afterAll(async () => {
  await harness?.close();
  await deleteKeys(redis, projectName);
  await redis.quit();
});

async function keyCount(): Promise<number> {
  let count = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${projectName}*`, 'COUNT', 1000);
    count += keys.length;
    cursor = next;
  } while (cursor !== '0');
  return count;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describeWithRedis('churn', () => {
  it('leaves heap, timers, Redis keys and room maps at baseline after 5,000 connect/disconnect cycles', async () => {
    redis = new Redis(redisUrl());
    harness = await startServer({
      routes: faultRoutes,
      sessions: new RedisSessionStore({ redis, projectName }),
      config: {
        socketActivityBroadcaster: true,
        graceTimes: { other: 1, tabSwitch: 1, transport: 1 },
        limits: { rate: false },
      },
    });
    const tokens = await Promise.all(
      Array.from({ length: 25 }, (_, i) => harness.lucky.login({ id: `churn${i}` })),
    );
    const observer = await harness.connectRaw({ auth: { rooms: ['lobby'] } });
    let left = 0;
    observer.on('userLeft', () => left++);
    const rooms = harness.lucky.io.of('/').adapter.rooms;
    // Sockets made here directly (the harness keeps its own until close), so the heap shows the server's.
    const connectOnce = (token: string, rooms: string[]) =>
      new Promise<Socket>((resolve, reject) => {
        const socket = io(harness.url, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          auth: { token, rooms },
        });
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    const cycle = async (round: number) => {
      const sockets = await Promise.all(
        tokens.map((token, i) => connectOnce(token, ['lobby', `room${(round + i) % 7}`])),
      );
      for (const socket of sockets) socket.disconnect();
    };
    // Warm up, then take the baseline.
    for (let round = 0; round < 20; round++) await cycle(round);
    await vi.waitFor(() => expect(harness.lucky.awayCount).toBe(0));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const baseline = { heap: heapMb(), timers: timers(), keys: await keyCount(), rooms: rooms.size };

    for (let round = 0; round < 200; round++) await cycle(round);
    await vi.waitFor(() => expect(harness.lucky.awayCount).toBe(0), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = { heap: heapMb(), timers: timers(), keys: await keyCount(), rooms: rooms.size };
    console.log(
      `[faults] churn: 5000 cycles, ${left} userLeft seen; baseline ${JSON.stringify(baseline)} → ${JSON.stringify(after)}`,
    );
    const leaks = [
      after.rooms !== baseline.rooms,
      after.keys !== baseline.keys,
      after.timers > baseline.timers,
      after.heap - baseline.heap >= 10,
    ].filter(Boolean).length;
    recordFigures('churn', { cycles: 5000, leaks });

    expect(left).toBeGreaterThan(1000);
    expect(after.rooms).toBe(baseline.rooms);
    expect(after.keys).toBe(baseline.keys);
    expect(after.timers).toBeLessThanOrEqual(baseline.timers);
    expect(harness.lucky.io.of('/').sockets.size).toBe(1);
    expect(after.heap - baseline.heap).toBeLessThan(10);
  });
});
