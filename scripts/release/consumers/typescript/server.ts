// The server's options type-check as the docs show them, with the Redis scale-out and the test caller.
import { createServer } from 'node:http';
import { createLuckyServer } from '@luckystack/server';
import { redisScaleOut } from '@luckystack/server/redis';
import { createTestCaller } from '@luckystack/server/testing';
import { routes } from './routes.js';

export function start(): void {
  createLuckyServer({
    httpServer: createServer(),
    routes,
    config: { limits: { maxRoomsPerSocket: 10 }, sync: { allowAll: true } },
    scaleOut: redisScaleOut({ redis: 'redis://127.0.0.1:6379', projectName: 'consumer' }),
    socketOptions: { transports: ['websocket'] },
  });
}

const caller = createTestCaller({ routes });
const answer = caller.call('math/double', { n: 2 });
type Answer = Awaited<typeof answer>;
export const testCallerIsTyped: Equal<Extract<Answer, { status: 'success' }>['result'], { doubled: number }> =
  true;
