import type { SessionLayout } from '@luckystack/core';

/**
 * Where sessions live. Keys are tokens; each session's `id` is indexed so a user's sessions can be found
 * without scanning. Implementations: {@link MemorySessionStore} (embedded default) and `RedisSessionStore`
 * (from `@luckystack/server/redis`).
 */
export interface SessionStore {
  /** The session of `token`, or null when there is none (never existed, expired or deleted). */
  get: (token: string) => Promise<SessionLayout | null>;
  /**
   * Stores a new session under `token` for `ttlSeconds` and indexes it under its user; returns the user's
   * other tokens as they were at that instant, read in the same atomic step, so that of two logins racing on
   * two servers the later one always sees the earlier (and can end it).
   */
  create: (token: string, session: SessionLayout, ttlSeconds: number) => Promise<string[]>;
  /** Replaces an existing session, keeping its expiry; false (and nothing written) when it is gone. */
  update: (token: string, session: SessionLayout) => Promise<boolean>;
  /**
   * Atomically replaces the session of `token` with `update(current)`, keeping its expiry; returns the new
   * session, or null (and writes nothing) when it is gone. Concurrent calls never lose an update, and a
   * call racing `delete` never brings the session back. `update` may run more than once, so keep it pure.
   */
  modify: (token: string, update: (session: SessionLayout) => SessionLayout) => Promise<SessionLayout | null>;
  /** Deletes the session of `token` and its index entry; a missing one is not an error. */
  delete: (token: string) => Promise<void>;
  /** The live tokens of user `userId`. */
  tokensOf: (userId: string) => Promise<string[]>;
  /** Releases timers and connections the store owns. */
  close: () => Promise<void>;
}
