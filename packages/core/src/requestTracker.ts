import { ERROR_CODES, LuckyError } from './errors';

/** Options of a {@link RequestTracker}. */
export interface RequestTrackerOptions {
  /** How long a request may wait for its answer. @defaultValue 15000 */
  timeoutMs?: number;
  /** How many requests may wait at once; one more is refused with RATE_LIMITED. @defaultValue 1000 */
  maxInFlight?: number;
}

/** Per-request options of {@link RequestTracker.track}. */
export interface TrackOptions {
  /** Overrides the tracker's time-out for this request; `0` or `Infinity` waits forever. */
  timeoutMs?: number;
  /** Aborting rejects the request with the signal's reason, as `fetch` does. */
  signal?: AbortSignal;
}

/** A request being waited for: the index to send, and the answer to await. */
export interface TrackedRequest<T> {
  responseIndex: number;
  promise: Promise<T>;
}

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * The responseIndex system: issues an index per request, settles the request when the answer with that
 * index arrives, and makes sure no promise hangs. Unknown and duplicate answers are ignored; each request
 * times out; {@link rejectAll} fails everything in flight (on disconnect); {@link RequestTrackerOptions.maxInFlight}
 * caps how many wait at once.
 */
export class RequestTracker<T = unknown> {
  readonly #pending = new Map<number, Pending<T>>();
  readonly #timeoutMs: number;
  readonly #maxInFlight: number;
  #next = 0;

  constructor(options: RequestTrackerOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#maxInFlight = options.maxInFlight ?? 1000;
  }

  /** How many requests are waiting for an answer. */
  get inFlight(): number {
    return this.#pending.size;
  }

  /** Starts waiting for a new request's answer; send the returned `responseIndex` with the request. */
  track(options: TrackOptions = {}): TrackedRequest<T> {
    const responseIndex = this.#issueIndex();
    const { signal } = options;
    if (signal?.aborted) return { responseIndex, promise: Promise.reject(signal.reason) };
    if (this.#pending.size >= this.#maxInFlight) {
      const error = new LuckyError(
        ERROR_CODES.RATE_LIMITED,
        `Too many requests in flight (at most ${this.#maxInFlight})`,
      );
      return { responseIndex, promise: Promise.reject(error) };
    }
    const promise = new Promise<T>((resolve, reject) => {
      const pending: Pending<T> = { resolve, reject, timer: undefined, signal, onAbort: undefined };
      const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
      if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
        pending.timer = setTimeout(() => {
          this.#fail(responseIndex, new LuckyError(ERROR_CODES.TIMEOUT, `No answer within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      if (signal) {
        pending.onAbort = () => this.#fail(responseIndex, signal.reason);
        signal.addEventListener('abort', pending.onAbort, { once: true });
      }
      this.#pending.set(responseIndex, pending);
    });
    return { responseIndex, promise };
  }

  /** Settles request `responseIndex` with its answer; returns false for an unknown or already settled index. */
  resolve(responseIndex: number, value: T): boolean {
    const pending = this.#take(responseIndex);
    pending?.resolve(value);
    return pending !== undefined;
  }

  /**
   * Rejects every request in flight with `error` (DISCONNECTED when the connection drops), except those
   * `keep` says still wait (calls that will be sent again).
   */
  rejectAll(
    error: unknown = new LuckyError(ERROR_CODES.DISCONNECTED, 'Disconnected'),
    keep: (responseIndex: number) => boolean = () => false,
  ): void {
    for (const responseIndex of [...this.#pending.keys()])
      if (!keep(responseIndex)) this.#fail(responseIndex, error);
  }

  #fail(responseIndex: number, reason: unknown): void {
    this.#take(responseIndex)?.reject(reason);
  }

  #take(responseIndex: number): Pending<T> | undefined {
    const pending = this.#pending.get(responseIndex);
    if (!pending) return undefined;
    this.#pending.delete(responseIndex);
    clearTimeout(pending.timer);
    if (pending.onAbort) pending.signal?.removeEventListener('abort', pending.onAbort);
    return pending;
  }

  #issueIndex(): number {
    do {
      this.#next = this.#next >= Number.MAX_SAFE_INTEGER ? 0 : this.#next + 1;
    } while (this.#pending.has(this.#next));
    return this.#next;
  }
}
