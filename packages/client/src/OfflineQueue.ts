import { ERROR_CODES, LuckyError } from '@luckystack/core';

/** Limits of an {@link OfflineQueue}. */
export interface OfflineQueueOptions {
  /** Calls that may wait at once; one more is refused with RATE_LIMITED. @defaultValue 100 */
  maxSize: number;
  /** How long a call may wait before it fails with TIMEOUT. @defaultValue 30000 */
  ttlMs: number;
}

interface Waiting {
  release: () => void;
  fail: (error: unknown) => void;
}

/**
 * Calls made with `offline: 'queue'` while the connection is down wait here, bounded in count and time,
 * and go out in the order they were made once it is back. `onChange` reports how many wait.
 */
export class OfflineQueue {
  readonly #options: OfflineQueueOptions;
  readonly #onChange: (size: number) => void;
  readonly #waiting = new Set<Waiting>();

  constructor(options: OfflineQueueOptions, onChange: (size: number) => void) {
    this.#options = options;
    this.#onChange = onChange;
  }

  /** How many calls wait. */
  get size(): number {
    return this.#waiting.size;
  }

  /** Resolves when the connection is back (see {@link flush}); rejects on TTL, a full queue, or `signal`. */
  wait(signal?: AbortSignal): Promise<void> {
    if (this.#waiting.size >= this.#options.maxSize) {
      const error = new LuckyError(
        ERROR_CODES.RATE_LIMITED,
        `The offline queue is full (${this.#options.maxSize} calls)`,
      );
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#waiting.delete(entry);
        this.#onChange(this.#waiting.size);
      };
      const entry: Waiting = {
        release: () => {
          done();
          resolve();
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const timer = setTimeout(
        () =>
          entry.fail(new LuckyError(ERROR_CODES.TIMEOUT, `Still offline after ${this.#options.ttlMs} ms`)),
        this.#options.ttlMs,
      );
      const onAbort = () => entry.fail(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.add(entry);
      this.#onChange(this.#waiting.size);
    });
  }

  /** Lets every waiting call go, oldest first. */
  flush(): void {
    for (const entry of [...this.#waiting]) entry.release();
  }

  /** Fails every waiting call with `error`. */
  clear(error: unknown): void {
    for (const entry of [...this.#waiting]) entry.fail(error);
  }
}
