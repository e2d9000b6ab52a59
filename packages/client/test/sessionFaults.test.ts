import { ERROR_CODES } from '@luckystack/core';
import { RedisSessionStore } from '@luckystack/server/redis';
import { afterEach, expect, it, vi } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { describeWithRedis } from '../../../testing/redis';
import { type RedisServer, startRedisServer } from '../../../testing/redisServer';
import { type SessionRoutes, sessionRoutes } from './session.fixture';

let harness: Harness;
let redis: RedisServer;
afterEach(async () => {
  await harness.close();
  await redis.stop();
});

describeWithRedis('a Redis session store that goes down and comes back', () => {
  it('answers clear errors at once while Redis is down, keeps serving, and recovers after', async () => {
    redis = await startRedisServer();
    const errors: unknown[] = [];
    harness = await startServer({
      routes: sessionRoutes,
      sessions: new RedisSessionStore({ redis: redis.url }),
      logger: { error: (...args) => errors.push(args), warn: () => {} },
    });
    const client = await harness.connectClient<SessionRoutes>();
    await expect(client.apiRequest({ name: '/auth/login', data: { name: 'ada' } })).resolves.toEqual({
      welcome: 'ada',
    });
    const anonymous = await harness.connectClient<SessionRoutes>();

    await redis.stop();
    const started = performance.now();
    const failed = await client.apiRequest({ name: '/me/whoami' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(failed).toEqual({
      status: 'error',
      errorCode: ERROR_CODES.INTERNAL,
      message: 'Session store unavailable',
    });
    expect(await anonymous.apiRequest({ name: 'session' })).toBeNull();
    expect(errors.length).toBeGreaterThan(0);

    await redis.start();
    // Redis kept nothing on disk, so the old session is gone: refused as such, not as a store failure.
    await vi.waitFor(
      async () =>
        expect(await client.apiRequest({ name: '/me/whoami' })).toMatchObject({
          errorCode: ERROR_CODES.UNAUTHORIZED,
        }),
      { timeout: 10_000, interval: 200 },
    );
    await expect(anonymous.apiRequest({ name: '/auth/login', data: { name: 'grace' } })).resolves.toEqual({
      welcome: 'grace',
    });
    await expect(anonymous.apiRequest({ name: '/me/whoami' })).resolves.toBe('grace');
  });
});
