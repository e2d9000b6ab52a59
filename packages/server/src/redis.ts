export type { RedisSessionStoreOptions } from './sessions/RedisSessionStore';
export { RedisSessionStore } from './sessions/RedisSessionStore';
