/**
 * LuckyStack on Socket.IO with the routes of `luckyRoutes.ts`. `SESSIONS=redis` keeps sessions in Redis
 * (`RedisSessionStore`), `SCALE_OUT=redis` runs on the Redis adapter (`redisScaleOut`); otherwise sessions
 * are in memory. The rate limit is set out of reach (its check still runs on every request): one load
 * client sends far more than a user would.
 */
import { createServer } from 'node:http';
import { createLuckyServer, type SessionStore } from '@luckystack/server';
import { RedisSessionStore, redisScaleOut } from '@luckystack/server/redis';
import { sessionFor, tokenFor } from '../lib/fixtures';
import { listenOnLoopback, seedCount, serve } from '../lib/serve';
import { benchRoutes } from './luckyRoutes';

const UNREACHABLE_RATE = { burst: 1e12, perSecond: 1e12 };

await serve(async () => {
  const httpServer = createServer();
  const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const projectName = process.env.PROJECT_NAME ?? 'luckybench';
  const scaleOut = process.env.SCALE_OUT === 'redis' ? redisScaleOut({ redis, projectName }) : undefined;
  const sessions: SessionStore | undefined =
    process.env.SESSIONS === 'redis' ? new RedisSessionStore({ redis, projectName }) : undefined;
  const lucky = createLuckyServer({
    httpServer,
    routes: benchRoutes,
    ...(scaleOut ? { scaleOut } : { sessions }),
    socketOptions: { transports: ['websocket'], serveClient: false },
    config: { limits: { rate: UNREACHABLE_RATE } },
  });
  const ttlSeconds = 3600;
  await Promise.all(
    Array.from({ length: seedCount() }, (_, index) =>
      lucky.sessions.create(tokenFor(index), sessionFor(index), ttlSeconds),
    ),
  );
  const port = await listenOnLoopback(httpServer);
  return {
    port,
    close: async () => {
      await lucky.close();
      await lucky.io.close();
    },
  };
});
