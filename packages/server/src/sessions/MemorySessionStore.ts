import type { SessionLayout } from '@luckystack/core';
import type { SessionStore } from './SessionStore';

interface Entry {
  json: string;
  userId: string;
  expiresAt: number;
}

/** Options of a {@link MemorySessionStore}. */
export interface MemorySessionStoreOptions {
  /** How often expired sessions are swept out. @defaultValue 60000 */
  sweepIntervalMs?: number;
}

/**
 * The embedded session store: sessions in this process's memory, so nothing but Node is needed to start.
 * Sessions are kept as JSON (as in Redis), so a handler mutating its `user` never changes the stored one.
 * Not shared between processes: use `RedisSessionStore` to run several.
 */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, Entry>();
  readonly #byUser = new Map<string, Set<string>>();
  readonly #sweeper: ReturnType<typeof setInterval>;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.#sweeper = setInterval(() => this.#sweep(), options.sweepIntervalMs ?? 60_000);
    this.#sweeper.unref?.();
  }

  async get(token: string): Promise<SessionLayout | null> {
    const entry = this.#live(token);
    return entry ? (JSON.parse(entry.json) as SessionLayout) : null;
  }

  async create(token: string, session: SessionLayout, ttlSeconds: number): Promise<string[]> {
    this.#remove(token);
    const userId = String(session.id);
    const others = [...(this.#byUser.get(userId) ?? [])].filter((other) => this.#live(other));
    this.#sessions.set(token, {
      json: JSON.stringify(session),
      userId,
      expiresAt: Date.now() + ttlSeconds * 1000,
    });
    const tokens = this.#byUser.get(userId) ?? new Set<string>();
    tokens.add(token);
    this.#byUser.set(userId, tokens);
    return others;
  }

  async update(token: string, session: SessionLayout): Promise<boolean> {
    const entry = this.#live(token);
    if (!entry) return false;
    entry.json = JSON.stringify(session);
    return true;
  }

  async modify(
    token: string,
    update: (session: SessionLayout) => SessionLayout,
  ): Promise<SessionLayout | null> {
    const entry = this.#live(token);
    if (!entry) return null;
    // Read, update and write with no await in between: nothing else can run, so this is atomic.
    const json = JSON.stringify(update(JSON.parse(entry.json) as SessionLayout));
    entry.json = json;
    return JSON.parse(json) as SessionLayout;
  }

  async delete(token: string): Promise<void> {
    this.#remove(token);
  }

  async tokensOf(userId: string): Promise<string[]> {
    return [...(this.#byUser.get(userId) ?? [])].filter((token) => this.#live(token));
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
  }

  #live(token: string): Entry | undefined {
    const entry = this.#sessions.get(token);
    if (entry && entry.expiresAt <= Date.now()) {
      this.#remove(token);
      return undefined;
    }
    return entry;
  }

  #remove(token: string): void {
    const entry = this.#sessions.get(token);
    if (!entry) return;
    this.#sessions.delete(token);
    const tokens = this.#byUser.get(entry.userId);
    tokens?.delete(token);
    if (tokens?.size === 0) this.#byUser.delete(entry.userId);
  }

  #sweep(): void {
    for (const token of this.#sessions.keys()) this.#live(token);
  }
}
