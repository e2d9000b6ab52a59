/** Options of a {@link TokenBucket}. */
export interface TokenBucketOptions {
  /** Most calls allowed at once after a quiet spell. */
  burst: number;
  /** Calls allowed per second once the burst is spent. */
  perSecond: number;
  /** The clock, injectable for tests. @defaultValue `Date.now` */
  now?: () => number;
}

/**
 * A token bucket: `burst` calls at once, then `perSecond` on average. Refills lazily on each `take`, so an
 * idle bucket costs nothing (no timer).
 */
export class TokenBucket {
  readonly #burst: number;
  readonly #perMs: number;
  readonly #now: () => number;
  #tokens: number;
  #updatedAt: number;

  constructor(options: TokenBucketOptions) {
    this.#burst = options.burst;
    this.#perMs = options.perSecond / 1000;
    this.#now = options.now ?? Date.now;
    this.#tokens = options.burst;
    this.#updatedAt = this.#now();
  }

  /** Takes one token; false (and nothing taken) when the bucket is empty. */
  take(): boolean {
    const now = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#updatedAt) * this.#perMs);
    this.#updatedAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
