import type { SessionLayout } from '@luckystack/core';

/**
 * Where sessions live. Keys are tokens; each session's `id` is indexed so a user's sessions can be found
 * without scanning. Implementations: {@link MemorySessionStore} (embedded default) and `RedisSessionStore`.
 */
export interface SessionStore {
  /** The session of `token`, or null when there is none (never existed, expired or deleted). */
  get: (token: string) => Promise<SessionLayout | null>;
  /** Stores a new session under `token` for `ttlSeconds`, and indexes it under its user. */
  create: (token: string, session: SessionLayout, ttlSeconds: number) => Promise<void>;
  /** Replaces an existing session, keeping its expiry; false (and nothing written) when it is gone. */
  update: (token: string, session: SessionLayout) => Promise<boolean>;
  /** Deletes the session of `token` and its index entry; a missing one is not an error. */
  delete: (token: string) => Promise<void>;
  /** The live tokens of user `userId`. */
  tokensOf: (userId: string) => Promise<string[]>;
  /** Releases timers and connections the store owns. */
  close: () => Promise<void>;
}
