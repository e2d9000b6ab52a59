import { ERROR_CODES, type ErrorResponse } from '@luckystack/core';
import { RedisSessionStore } from '@luckystack/server/redis';
import { afterAll, expect, it } from 'vitest';
import { recordFigures } from '../../../../testing/figures';
import { type Harness, startServer } from '../../../../testing/harness';
import { describeWithRedis } from '../../../../testing/redis';
import { type RedisServer, startRedisServer } from '../../../../testing/redisServer';
import { faultRoutes } from './faults.fixture';

let harness: Harness;
let redis: RedisServer;
afterAll(async () => {
  await harness?.close();
  await redis?.stop();
});

describeWithRedis('Redis stopped and restarted under load', () => {
  it('fails fast with a clear error, never hangs or queues without bound, and resumes on return', async () => {
    redis = await startRedisServer();
    const sessions = new RedisSessionStore({ redis: redis.url });
    harness = await startServer({ routes: faultRoutes, sessions, config: { limits: { rate: false } } });
    const clients = await Promise.all(
      Array.from({ length: 10 }, async (_, i) =>
        harness.connectClient({ token: await harness.lucky.login({ id: `user${i}` }), timeoutMs: 5_000 }),
      ),
    );
    const outcomes = { ok: 0, unavailable: 0, other: [] as unknown[], slowest: 0 };
    let phase: 'before' | 'down' | 'after' = 'before';
    const okByPhase = { before: 0, down: 0, after: 0 };
    const stopAt = Date.now() + 6_000;
    const load = clients.map(async (client) => {
      while (Date.now() < stopAt) {
        const started = performance.now();
        const answer = await client.apiRequest({ name: '/me/whoami' });
        outcomes.slowest = Math.max(outcomes.slowest, performance.now() - started);
        if (typeof answer === 'string') {
          outcomes.ok++;
          okByPhase[phase]++;
        } else if ((answer as ErrorResponse).errorCode === ERROR_CODES.INTERNAL) outcomes.unavailable++;
        else if ((answer as ErrorResponse).errorCode === ERROR_CODES.UNAUTHORIZED) okByPhase[phase]++;
        else outcomes.other.push(answer);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    phase = 'down';
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await redis.start();
    phase = 'after';
    await Promise.all(load);
    console.log(
      `[faults] redis outage: ${JSON.stringify({ ...outcomes, other: outcomes.other.length, okByPhase })}`,
    );

    recordFigures('redisOutage', {
      calls: outcomes.ok + outcomes.unavailable,
      hung: outcomes.slowest >= 5_000 ? 1 : 0,
    });
    expect(outcomes.other).toEqual([]);
    expect(outcomes.unavailable).toBeGreaterThan(0);
    expect(outcomes.slowest).toBeLessThan(5_000);
    expect(okByPhase.before).toBeGreaterThan(0);
    // Redis kept nothing, so after its return the sessions are gone: answered UNAUTHORIZED, not INTERNAL.
    expect(okByPhase.after).toBeGreaterThan(0);
    const offlineQueue = (sessions.client as unknown as { offlineQueue: { length: number } }).offlineQueue;
    expect(offlineQueue.length).toBe(0);
  });
});
