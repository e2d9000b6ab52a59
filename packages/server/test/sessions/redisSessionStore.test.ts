import { setTimeout as sleep } from 'node:timers/promises';
import { isLuckyError } from '@luckystack/core';
import { createToken } from '@luckystack/server';
import { RedisSessionStore } from '@luckystack/server/redis';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteKeys, describeWithRedis, redisUrl, uniquePrefix } from '../../../../testing/redis';
import { sessionStoreContract } from './sessionStore.contract';

// Every key of this run starts with `runPrefix`, so cleanup touches nothing else in a shared Redis.
const runPrefix = uniquePrefix();
let stores = 0;
const nextProjectName = (): string => `${runPrefix}-${++stores}`;

describeWithRedis('RedisSessionStore', () => {
  let client: Redis;
  beforeAll(() => {
    client = new Redis(redisUrl());
  });
  afterAll(async () => {
    await deleteKeys(client, runPrefix);
    await client.quit();
  });

  sessionStoreContract('the session store contract', {
    makeStore: () => new RedisSessionStore({ redis: client, projectName: nextProjectName() }),
    elapse: (ms) => sleep(ms),
  });

  describe('in Redis', () => {
    let projectName: string;
    let store: RedisSessionStore;
    beforeAll(() => {
      projectName = nextProjectName();
      store = new RedisSessionStore({ redis: client, projectName });
    });

    it('keeps the JSON session under {projectName}-session:{token} with the TTL', async () => {
      const token = createToken();
      await store.create(token, { id: 'u1', name: 'Ada' }, 120);
      expect(JSON.parse((await client.get(`${projectName}-session:${token}`)) ?? 'null')).toEqual({
        id: 'u1',
        name: 'Ada',
      });
      const ttl = await client.pttl(`${projectName}-session:${token}`);
      expect(ttl).toBeGreaterThan(118_000);
      expect(ttl).toBeLessThanOrEqual(120_000);
      expect(await client.smembers(`${projectName}-user:u1:sessions`)).toEqual([token]);
    });

    it('does not reset the TTL through 100 updates and 100 modifies', async () => {
      const token = createToken();
      const key = `${projectName}-session:${token}`;
      await store.create(token, { id: 'u1', count: 0 }, 120);
      await sleep(50);
      const before = await client.pttl(key);
      for (let i = 1; i <= 100; i++) await store.update(token, { id: 'u1', count: i });
      const afterUpdates = await client.pttl(key);
      for (let i = 0; i < 100; i++)
        await store.modify(token, (s) => ({ ...s, count: (s.count as number) + 1 }));
      const afterModifies = await client.pttl(key);

      expect(afterUpdates).toBeGreaterThan(0);
      expect(afterUpdates).toBeLessThanOrEqual(before);
      expect(afterModifies).toBeGreaterThan(0);
      expect(afterModifies).toBeLessThanOrEqual(afterUpdates);
      expect(await store.get(token)).toEqual({ id: 'u1', count: 200 });
    });

    it('keeps the user index alive as long as its longest-lived session', async () => {
      const index = `${projectName}-user:indexed:sessions`;
      await store.create(createToken(), { id: 'indexed' }, 300);
      await store.create(createToken(), { id: 'indexed' }, 60);
      expect(await client.pttl(index)).toBeGreaterThan(298_000);
      await store.create(createToken(), { id: 'indexed' }, 600);
      expect(await client.pttl(index)).toBeGreaterThan(598_000);
    });

    it('removes the index entry on delete, and dead tokens from the index in tokensOf', async () => {
      const index = `${projectName}-user:pruned:sessions`;
      const [deleted, vanished, live] = [createToken(), createToken(), createToken()];
      for (const token of [deleted, vanished, live]) await store.create(token, { id: 'pruned' }, 60);
      await store.delete(deleted);
      expect((await client.smembers(index)).sort()).toEqual([vanished, live].sort());

      await client.del(`${projectName}-session:${vanished}`);
      expect(await store.tokensOf('pruned')).toEqual([live]);
      expect(await client.smembers(index)).toEqual([live]);
    });

    it('gives up a modify with INTERNAL after a bounded number of conflicts', async () => {
      const token = createToken();
      const key = `${projectName}-session:${token}`;
      await store.create(token, { id: 'u1', count: 0 }, 60);
      let attempts = 0;
      const error = await store
        .modify(token, (s) => {
          attempts++;
          // Sent on the same connection before the store's compare-and-set, so that one always conflicts.
          void client.set(key, JSON.stringify({ ...s, count: -attempts }), 'KEEPTTL');
          return s;
        })
        .catch((reason: unknown) => reason);
      expect(isLuckyError(error, 'INTERNAL')).toBe(true);
      expect(attempts).toBe(50);
      expect(await store.get(token)).toEqual({ id: 'u1', count: -50 });
    });

    it('does not close a client it was given', async () => {
      await store.close();
      expect(client.status).toBe('ready');
    });

    it('quits the client it built from a URL on close', async () => {
      const owned = new RedisSessionStore({ redis: redisUrl(), projectName: nextProjectName() });
      const token = createToken();
      await owned.create(token, { id: 'u1' }, 60);
      expect(await owned.get(token)).toEqual({ id: 'u1' });
      await owned.close();
      await vi.waitFor(() => expect(owned.client.status).toBe('end'));
    });
  });

  describe('with Redis down', () => {
    let down: RedisSessionStore;
    afterEach(() => down.close());

    it('rejects quickly with INTERNAL instead of hanging, and stops reconnecting on close', async () => {
      down = new RedisSessionStore({ redis: 'redis://127.0.0.1:1', projectName: nextProjectName() });
      for (const call of [
        () => down.get(createToken()),
        () => down.create(createToken(), { id: 'u1' }, 60),
        () => down.modify(createToken(), (s) => s),
        () => down.tokensOf('u1'),
      ]) {
        const started = performance.now();
        const error = await call().catch((reason: unknown) => reason);
        expect(performance.now() - started).toBeLessThan(2_000);
        expect(isLuckyError(error, 'INTERNAL')).toBe(true);
        expect((error as Error).message).toBe('Session store unavailable');
        expect((error as Error).cause).toBeInstanceOf(Error);
      }
      let failedConnects = 0;
      down.client.on('error', () => failedConnects++);
      await sleep(300);
      expect(failedConnects).toBeGreaterThan(0);

      await down.close();
      failedConnects = 0;
      await sleep(600);
      expect(failedConnects).toBe(0);
    });
  });
});
