// A user's Node ESM app from the tarballs: a server on an ephemeral loopback port, a client's round trip, a
// refused call, a plain socket.io-client speaking the protocol, and the test caller from
// `@luckystack/server/testing`.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createLuckyClient } from '@luckystack/client';
import { ERROR_CODES, EVENTS, responseEvent, toWireName } from '@luckystack/core';
import { createLuckyServer, defineApi, defineRoutes } from '@luckystack/server';
import { createTestCaller } from '@luckystack/server/testing';
import { io } from 'socket.io-client';
import { z } from 'zod';

// Whatever hangs, the process ends: a failed check must not stall release:check.
setTimeout(() => {
  console.error('server.mjs: timed out');
  process.exit(1);
}, 15_000).unref();

const routes = defineRoutes({
  api: {
    'math/double': defineApi({
      auth: { login: false },
      schema: z.object({ n: z.number() }),
      main: ({ data }) => ({ doubled: data.n * 2 }),
    }),
  },
});

const httpServer = createServer();
const lucky = createLuckyServer({ httpServer, routes, socketOptions: { transports: ['websocket'] } });
await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));

const url = `http://127.0.0.1:${httpServer.address().port}`;
const socketOptions = { transports: ['websocket'], reconnection: false };
const client = createLuckyClient({ url, getPath: () => '/math', socketOptions });
const socket = io(url, socketOptions);
try {
  assert.deepEqual(await client.apiRequest({ name: 'double', data: { n: 21 } }), { doubled: 42 });
  const refused = await client.apiRequest({ name: 'double', data: { n: 'x' } });
  assert.equal(refused.errorCode, ERROR_CODES.INVALID_INPUT);

  const answer = new Promise((resolve) => socket.once(responseEvent('api', 1), resolve));
  socket.emit(EVENTS.apiRequest, {
    name: toWireName('api', 'math/double'),
    data: { n: 1 },
    responseIndex: 1,
  });
  assert.deepEqual(await answer, { status: 'success', result: { doubled: 2 } });

  const caller = createTestCaller({ routes });
  assert.deepEqual(await caller.call('math/double', { n: 2 }), { status: 'success', result: { doubled: 4 } });
} finally {
  socket.disconnect();
  client.close();
  await lucky.close();
  await new Promise((resolve) => lucky.io.close(resolve));
}
console.log('node ESM: round trip ok');
