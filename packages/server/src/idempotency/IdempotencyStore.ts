import type { ResponseMessage } from '@luckystack/core';

/** What claiming a call's idempotency id found. */
export type IdempotencyClaim =
  /** Nobody ran it: the caller runs it now and must `complete` (or `release`) it. */
  | { state: 'claimed' }
  /** A run is under way (on this node or another); ask again shortly. */
  | { state: 'running' }
  /** It already ran: this is its answer. */
  | { state: 'done'; response: ResponseMessage };

/**
 * Outcomes of idempotent calls by id (`{session}:{key}`), so a retry gets the first answer instead of a
 * second run. Lives where the sessions live: `MemoryIdempotencyStore` by default, `RedisIdempotencyStore`
 * when scaled out, so a retry that lands on another node still finds the first outcome.
 */
export interface IdempotencyStore {
  /** Atomically claims `id` for a run of at most `leaseMs`, or reports the run or outcome already there. */
  claim: (id: string, leaseMs: number) => Promise<IdempotencyClaim>;
  /** Records the answer of a claimed run, kept for `windowMs`. */
  complete: (id: string, response: ResponseMessage, windowMs: number) => Promise<void>;
  /** Gives up a claim without an answer, so a retry may run. */
  release: (id: string) => Promise<void>;
  /** Releases timers and connections the store owns. */
  close: () => Promise<void>;
}
