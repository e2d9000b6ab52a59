import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { RedisIdempotencyStore } from './idempotency/RedisIdempotencyStore';
import { RedisSessionStore } from './sessions/RedisSessionStore';
import type { ScaleOut } from './types';

/** Options of {@link redisScaleOut}. */
export interface RedisScaleOutOptions {
  /** A Redis URL, or an ioredis client you own (the adapter uses two duplicates of it). */
  redis: string | Redis;
  /** Prefix of every key and channel, so several apps can share one Redis. @defaultValue 'luckystack' */
  projectName?: string;
}

/**
 * Runs LuckyStack on several server processes: Socket.IO's Redis adapter carries room emits, `fetchSockets`
 * and server-side events between nodes, and sessions live in Redis.
 * `createLuckyServer({ httpServer, routes, scaleOut: redisScaleOut({ redis: process.env.REDIS_URL }) })`.
 */
export function redisScaleOut(options: RedisScaleOutOptions): ScaleOut {
  const projectName = options.projectName ?? 'luckystack';
  const { redis } = options;
  // The adapter's own pair, with ioredis's default queueing: it subscribes before the connection is up.
  const [pub, sub] = [0, 1].map(() => (typeof redis === 'string' ? new Redis(redis) : redis.duplicate())) as [
    Redis,
    Redis,
  ];
  // Connection errors surface through the adapter's timeouts and the stores' errors.
  for (const client of [pub, sub]) client.on('error', () => {});
  const sessions = new RedisSessionStore({ redis, projectName });
  return {
    adapter: createAdapter(pub, sub, { key: `${projectName}-socket.io` }),
    sessions,
    idempotency: new RedisIdempotencyStore(sessions.client, projectName),
    close: async () => {
      await sessions.close();
      await Promise.all([pub, sub].map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
}
