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
  /** When it times out (ms since the epoch; Infinity: never), and after how long, for the message. */
  deadline: number;
  timeoutMs: number;
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
  /** One timer for the earliest deadline, rather than one per request (a timer per call is most of the cost). */
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

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
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const deadline =
      timeoutMs > 0 && Number.isFinite(timeoutMs) ? Date.now() + timeoutMs : Number.POSITIVE_INFINITY;
    const promise = new Promise<T>((resolve, reject) => {
      const pending: Pending<T> = { resolve, reject, deadline, timeoutMs, signal, onAbort: undefined };
      if (signal) {
        pending.onAbort = () => this.#fail(responseIndex, signal.reason);
        signal.addEventListener('abort', pending.onAbort, { once: true });
      }
      this.#pending.set(responseIndex, pending);
    });
    if (deadline < this.#timerAt) this.#arm(deadline);
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
    if (this.#pending.size === 0) this.#disarm();
    if (pending.onAbort) pending.signal?.removeEventListener('abort', pending.onAbort);
    return pending;
  }

  #arm(at: number): void {
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(this.#expire, Math.max(0, at - Date.now()));
  }

  #disarm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }

  /** Fails every request past its deadline, then waits for the next deadline. */
  readonly #expire = (): void => {
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const [responseIndex, pending] of this.#pending) {
      if (pending.deadline <= now) {
        this.#fail(
          responseIndex,
          new LuckyError(ERROR_CODES.TIMEOUT, `No answer within ${pending.timeoutMs} ms`),
        );
      } else if (pending.deadline < next) {
        next = pending.deadline;
      }
    }
    if (next < this.#timerAt) this.#arm(next);
  };

  #issueIndex(): number {
    do {
      this.#next = this.#next >= Number.MAX_SAFE_INTEGER ? 0 : this.#next + 1;
    } while (this.#pending.has(this.#next));
    return this.#next;
  }
}
