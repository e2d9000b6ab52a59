import { Redis } from 'ioredis';
import { describe, it } from 'vitest';

/** The Redis the tests use: `REDIS_URL`, else a local one on the default port. */
export function redisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** Why Redis cannot be used, or null when it answered a PING. */
async function unreachableReason(url: string): Promise<string | null> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The socket error (ECONNREFUSED, ETIMEDOUT…) says more than the "Connection is closed" connect() rejects with.
  let socketError: Error | undefined;
  probe.on('error', (error: Error) => {
    socketError ??= error;
  });
  try {
    await probe.connect();
    await probe.ping();
    return null;
  } catch (error) {
    return (socketError ?? (error as Error)).message;
  } finally {
    probe.disconnect();
  }
}

// Once per test file that imports this module, before its suites are collected.
const reason = await unreachableReason(redisUrl());

/**
 * A `describe` that needs Redis at {@link redisUrl}. Without Redis it is skipped with one warning, except
 * under CI=true, where it fails: CI must never pass by silently leaving the Redis tests out.
 */
export function describeWithRedis(name: string, fn: () => void): void {
  if (reason !== null && process.env.CI === 'true') {
    describe(name, () => {
      it('has a Redis to run against', () => {
        throw new Error(`Redis is required in CI: ${redisUrl()} is not reachable (${reason})`);
      });
    });
    return;
  }
  if (reason !== null) console.warn(`[skip] Redis not reachable at ${redisUrl()} — Redis tests skipped`);
  describe.skipIf(reason !== null)(name, fn);
}

/** Deletes every key starting with `prefix` (SCAN, so only for test cleanup). */
export async function deleteKeys(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** A unique key prefix for one test run, so cleanup touches nothing else in a shared Redis. */
export function uniquePrefix(): string {
  return `lstest-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}
