// The same typed call through the CommonJS types (`.d.cts`), as a `require` user gets them.
import { createLuckyClient } from '@luckystack/client';
import type { ErrorResponse } from '@luckystack/core';
import { defineApi, defineRoutes } from '@luckystack/server';

const routes = defineRoutes({
  api: { ping: defineApi({ auth: { login: false }, main: () => 'pong' as const }) },
});
const client = createLuckyClient<typeof routes>({
  url: 'http://127.0.0.1:1',
  socketOptions: { autoConnect: false },
});

const pong = client.apiRequest({ name: '/ping' });
export const resultIsTyped: Equal<Awaited<typeof pong>, 'pong' | ErrorResponse> = true;
// @ts-expect-error no route has this name
client.apiRequest({ name: '/pong' });
