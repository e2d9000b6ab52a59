import type { ResponseMessage } from '@luckystack/core';
import type { IdempotencyClaim, IdempotencyStore } from './IdempotencyStore';

interface Entry {
  response: ResponseMessage | undefined;
  expiresAt: number;
}

/** Idempotency records in this process's memory, swept when they expire. Not shared between processes. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #sweeper: ReturnType<typeof setInterval>;

  /** `sweepIntervalMs`: how often expired records are removed. */
  constructor(sweepIntervalMs = 60_000) {
    this.#sweeper = setInterval(() => this.#sweep(), sweepIntervalMs);
    this.#sweeper.unref?.();
  }

  /** How many records are held (expired ones included until swept). */
  get size(): number {
    return this.#entries.size;
  }

  async claim(id: string, leaseMs: number): Promise<IdempotencyClaim> {
    const entry = this.#entries.get(id);
    if (entry && entry.expiresAt > Date.now()) {
      return entry.response ? { state: 'done', response: entry.response } : { state: 'running' };
    }
    this.#entries.set(id, { response: undefined, expiresAt: Date.now() + leaseMs });
    return { state: 'claimed' };
  }

  async complete(id: string, response: ResponseMessage, windowMs: number): Promise<void> {
    this.#entries.set(id, { response, expiresAt: Date.now() + windowMs });
  }

  async release(id: string): Promise<void> {
    this.#entries.delete(id);
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(id);
  }
}
