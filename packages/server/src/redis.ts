export { RedisIdempotencyStore } from './idempotency/RedisIdempotencyStore';
export type { RedisScaleOutOptions } from './redisScaleOut';
export { redisScaleOut } from './redisScaleOut';
export type { RedisSessionStoreOptions } from './sessions/RedisSessionStore';
export { RedisSessionStore } from './sessions/RedisSessionStore';
