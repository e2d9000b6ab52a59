// With its optional peers installed, the `/redis` entry loads from ESM and CommonJS (without connecting).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const esm = await import('@luckystack/server/redis');
const cjs = createRequire(import.meta.url)('@luckystack/server/redis');
for (const entry of [esm, cjs]) {
  assert.equal(typeof entry.redisScaleOut, 'function');
  assert.equal(typeof entry.RedisSessionStore, 'function');
}
console.log('@luckystack/server/redis: loads from ESM and CJS');
