import type { LuckyError } from './errors';

/** The outcome of a check that never throws: a value, or the error to answer with. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: LuckyError };
