import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A Lua script run by its SHA1 (EVALSHA), sent in full (EVAL) only when the server does not know it yet.
 * Unlike ioredis `defineCommand`, it adds nothing to a client the user owns.
 */
export class LuaScript {
  /** The script's source. */
  readonly lua: string;
  readonly #sha: string;

  constructor(lua: string) {
    this.lua = lua;
    this.#sha = createHash('sha1').update(lua).digest('hex');
  }

  /** Runs the script on `redis` with `keys` and `args`, loading it into the script cache on first use. */
  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.#sha, keys.length, ...keys, ...args);
    } catch (error) {
      // The cache is empty after a restart or SCRIPT FLUSH; EVAL runs the script and caches it again.
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return redis.eval(this.lua, keys.length, ...keys, ...args);
    }
  }
}
