import { LuckyError, type ResponseMessage } from '@luckystack/core';
import type { Redis } from 'ioredis';
import type { IdempotencyClaim, IdempotencyStore } from './IdempotencyStore';

const RUNNING = '"running"';

/**
 * Idempotency records in Redis, shared by every node: `{projectName}-idem:{id}` holds `"running"` for the
 * lease of a run (SET NX, so exactly one node claims it), then the JSON answer for the window.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  /** Uses `redis` (never closed here) and keys under `projectName`. */
  constructor(redis: Redis, projectName = 'luckystack') {
    this.#redis = redis;
    this.#prefix = `${projectName}-idem:`;
  }

  async claim(id: string, leaseMs: number): Promise<IdempotencyClaim> {
    const key = this.#prefix + id;
    const [claimed, current] = await this.#run(() =>
      Promise.all([this.#redis.set(key, RUNNING, 'PX', leaseMs, 'NX'), this.#redis.get(key)]),
    );
    if (claimed === 'OK') return { state: 'claimed' };
    if (current === null || current === RUNNING) return { state: 'running' };
    return { state: 'done', response: JSON.parse(current) as ResponseMessage };
  }

  async complete(id: string, response: ResponseMessage, windowMs: number): Promise<void> {
    await this.#run(() => this.#redis.set(this.#prefix + id, JSON.stringify(response), 'PX', windowMs));
  }

  async release(id: string): Promise<void> {
    await this.#run(() => this.#redis.del(this.#prefix + id));
  }

  async close(): Promise<void> {}

  async #run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (cause) {
      throw new LuckyError('INTERNAL', 'Idempotency store unavailable', { cause });
    }
  }
}
