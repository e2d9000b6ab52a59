import { setTimeout as sleep } from 'node:timers/promises';
import { LuckyError, type SessionLayout } from '@luckystack/core';
import { type ChainableCommander, Redis, type RedisOptions } from 'ioredis';
import { LuaScript } from './LuaScript';
import type { SessionStore } from './SessionStore';

/** Options of a {@link RedisSessionStore}. */
export interface RedisSessionStoreOptions {
  /**
   * An ioredis client you own (the store never closes it, and its queueing and retry settings apply), or a
   * Redis URL: the store then creates a client that fails commands at once while Redis is down, and closes
   * it in `close()`.
   */
  redis: Redis | string;
  /** Prefix of every key, so several apps can share one Redis. @defaultValue 'luckystack' */
  projectName?: string;
}

// Fail fast rather than queue without bound while Redis is down, and time out rather than wait forever on
// a Redis that stopped answering. Start-up, when a queue would be wanted, is covered by awaiting connect().
const URL_CLIENT_OPTIONS = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 5_000,
} satisfies RedisOptions;

/** Optimistic retries of one `modify` before it gives up; each conflict means another write succeeded. */
const MAX_MODIFY_ATTEMPTS = 50;

// 1 = written, 0 = changed since it was read (retry), -1 = gone (never recreate it).
const COMPARE_AND_SET = new LuaScript(`
local current = redis.call('GET', KEYS[1])
if not current then return -1 end
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1`);

// Sessions may be created with different TTLs (say, after a config change), so the index only ever gets
// longer-lived: it must outlive every session in it. Lua rather than EXPIRE GT, which needs Redis 7.
const EXTEND_EXPIRY = new LuaScript(`
local ttl = redis.call('PTTL', KEYS[1])
if ttl >= tonumber(ARGV[1]) then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[1])`);

/**
 * Sessions in Redis (6.2 or later), shared by every server process. `{projectName}-session:{token}` holds
 * the JSON session with its TTL; the set `{projectName}-user:{userId}:sessions` indexes a user's tokens.
 * Every Redis failure rejects with a LuckyError INTERNAL.
 */
export class RedisSessionStore implements SessionStore {
  /** The ioredis client this store talks through. */
  readonly client: Redis;
  readonly #prefix: string;
  readonly #ownsClient: boolean;
  readonly #connected: Promise<void>;

  constructor(options: RedisSessionStoreOptions) {
    this.#prefix = options.projectName ?? 'luckystack';
    this.#ownsClient = typeof options.redis === 'string';
    if (typeof options.redis === 'string') {
      this.client = new Redis(options.redis, URL_CLIENT_OPTIONS);
      // Failures reach callers as rejected commands; without a listener ioredis would print each one.
      this.client.on('error', () => {});
      // Commands wait for the first connection, as the offline queue is off; a failed one lets them fail.
      this.#connected = this.client.connect().catch(() => {});
    } else {
      this.client = options.redis;
      this.#connected = Promise.resolve();
    }
  }

  async get(token: string): Promise<SessionLayout | null> {
    const json = await this.#run(() => this.client.get(this.#sessionKey(token)));
    return json === null ? null : (JSON.parse(json) as SessionLayout);
  }

  async create(token: string, session: SessionLayout, ttlSeconds: number): Promise<string[]> {
    const index = this.#indexKey(String(session.id));
    const json = JSON.stringify(session);
    // SMEMBERS inside the MULTI: of two racing logins, the one that runs second sees the first.
    const [others] = (await this.#exec(() =>
      this.client
        .multi()
        .smembers(index)
        .set(this.#sessionKey(token), json, 'EX', ttlSeconds)
        .sadd(index, token)
        .eval(EXTEND_EXPIRY.lua, 1, index, ttlSeconds * 1000),
    )) as [string[]];
    return others.filter((other) => other !== token);
  }

  async update(token: string, session: SessionLayout): Promise<boolean> {
    const json = JSON.stringify(session);
    const reply = await this.#run(() => this.client.set(this.#sessionKey(token), json, 'KEEPTTL', 'XX'));
    return reply === 'OK';
  }

  async modify(
    token: string,
    update: (session: SessionLayout) => SessionLayout,
  ): Promise<SessionLayout | null> {
    // No WATCH: on a connection shared by concurrent callers, one caller's EXEC would end another's WATCH.
    const key = this.#sessionKey(token);
    for (let attempt = 1; attempt <= MAX_MODIFY_ATTEMPTS; attempt++) {
      const current = await this.#run(() => this.client.get(key));
      if (current === null) return null;
      const next = JSON.stringify(update(JSON.parse(current) as SessionLayout));
      const outcome = await this.#run(() => COMPARE_AND_SET.run(this.client, [key], [current, next]));
      if (outcome === 1) return JSON.parse(next) as SessionLayout;
      if (outcome === -1) return null;
      // Random back-off, so callers that collided do not collide again in lockstep.
      await sleep(Math.random() * attempt);
    }
    throw new LuckyError(
      'INTERNAL',
      `Session modify gave up after ${MAX_MODIFY_ATTEMPTS} conflicting concurrent writes`,
    );
  }

  async delete(token: string): Promise<void> {
    // The user is read from the session itself (GETDEL), so no second structure must be kept in step.
    // Should the SREM never happen, the stale index entry is harmless: tokensOf drops tokens it finds dead.
    const json = await this.#run(() => this.client.getdel(this.#sessionKey(token)));
    if (json === null) return;
    const userId = String((JSON.parse(json) as SessionLayout).id);
    await this.#run(() => this.client.srem(this.#indexKey(userId), token));
  }

  async tokensOf(userId: string): Promise<string[]> {
    const index = this.#indexKey(userId);
    const tokens = await this.#run(() => this.client.smembers(index));
    if (tokens.length === 0) return [];
    const exists = (await this.#exec(() => {
      const pipeline = this.client.pipeline();
      for (const token of tokens) pipeline.exists(this.#sessionKey(token));
      return pipeline;
    })) as number[];
    const dead = tokens.filter((_, i) => exists[i] === 0);
    if (dead.length > 0) await this.#run(() => this.client.srem(index, ...dead));
    return tokens.filter((_, i) => exists[i] === 1);
  }

  async close(): Promise<void> {
    if (!this.#ownsClient) return;
    // QUIT lets replies in flight arrive, but with the offline queue off it fails unless connected.
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }

  #sessionKey(token: string): string {
    return `${this.#prefix}-session:${token}`;
  }

  #indexKey(userId: string): string {
    return `${this.#prefix}-user:${userId}:sessions`;
  }

  async #run<T>(command: () => Promise<T>): Promise<T> {
    await this.#connected;
    try {
      return await command();
    } catch (error) {
      throw new LuckyError('INTERNAL', 'Session store unavailable', { cause: error });
    }
  }

  /** Runs a pipeline or MULTI and returns its replies, rejecting if any command failed. */
  async #exec(build: () => ChainableCommander): Promise<unknown[]> {
    return this.#run(async () => {
      const results = (await build().exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
      return results.map(([, reply]) => reply);
    });
  }
}
