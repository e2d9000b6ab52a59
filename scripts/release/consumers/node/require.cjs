// A user's CommonJS app from the tarballs: every entry point loads with require(), and a server and a client
// built from the CJS builds answer a call.
const assert = require('node:assert/strict');
const { createServer } = require('node:http');
const core = require('@luckystack/core');
const client = require('@luckystack/client');
const server = require('@luckystack/server');
const testing = require('@luckystack/server/testing');

setTimeout(() => {
  console.error('require.cjs: timed out');
  process.exit(1);
}, 15_000).unref();

for (const [name, value] of [
  ['core.LuckyError', core.LuckyError],
  ['client.createLuckyClient', client.createLuckyClient],
  ['server.createLuckyServer', server.createLuckyServer],
  ['testing.createTestCaller', testing.createTestCaller],
]) {
  assert.equal(typeof value, 'function', `${name} is exported`);
}

async function main() {
  const routes = server.defineRoutes({
    api: { ping: server.defineApi({ auth: { login: false }, main: () => 'pong' }) },
  });
  const httpServer = createServer();
  const lucky = server.createLuckyServer({
    httpServer,
    routes,
    socketOptions: { transports: ['websocket'] },
  });
  await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const luckyClient = client.createLuckyClient({
    url: `http://127.0.0.1:${httpServer.address().port}`,
    socketOptions: { transports: ['websocket'], reconnection: false },
  });
  try {
    assert.equal(await luckyClient.apiRequest({ name: '/ping' }), 'pong');
  } finally {
    luckyClient.close();
    await lucky.close();
    await new Promise((resolve) => lucky.io.close(resolve));
  }
  console.log('node CJS: require + round trip ok');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
