import { setTimeout as sleep } from 'node:timers/promises';
import { ERROR_CODES, LuckyError, type ResponseMessage } from '@luckystack/core';
import type { IdempotencyStore } from './idempotency/IdempotencyStore';
import type { Logger } from './types';

/** How often a retry looks again while the first run of its call is still under way. */
const POLL_MS = 20;

/** Where and how long idempotent outcomes are kept. */
export interface OnceOptions {
  store: IdempotencyStore;
  /** How long an answer is kept for retries. */
  windowMs: number;
  /** How long one run may hold its claim; past it a retry may run the call again. */
  leaseMs: number;
  logger: Logger;
}

/**
 * Runs a keyed call at most once per id: the first caller runs it and records the answer; a retry gets that
 * answer, or, while the first run is still under way (here or on another node), waits for it.
 */
export async function runOnce(
  id: string,
  run: () => Promise<ResponseMessage>,
  options: OnceOptions,
): Promise<ResponseMessage> {
  const deadline = Date.now() + options.leaseMs;
  for (;;) {
    const claim = await options.store.claim(id, options.leaseMs);
    if (claim.state === 'done') return claim.response;
    if (claim.state === 'claimed') {
      const response = await run();
      await options.store.complete(id, response, options.windowMs).catch((error: unknown) => {
        // The answer still goes to this caller; a retry after this would run the call again.
        options.logger.error('LuckyStack: could not record an idempotent answer', error);
        return options.store.release(id).catch(() => {});
      });
      return response;
    }
    if (Date.now() >= deadline) {
      return new LuckyError(
        ERROR_CODES.TIMEOUT,
        'The first run of this call is still under way',
      ).toResponse();
    }
    await sleep(POLL_MS);
  }
}
