/** Called after every change of a {@link Store}'s state. */
export type Listener = () => void;

/** The one reactive contract: what the client exposes and the React, Vue and Svelte bindings consume. */
export interface Readable<T> {
  /** The current state; the same reference until the state changes. */
  getSnapshot: () => T;
  /** Calls `listener` after each change; returns the function that stops it. */
  subscribe: (listener: Listener) => () => void;
}

/**
 * A minimal observable value. Snapshots are frozen and referentially stable (a new object only after a
 * change), so React's `useSyncExternalStore` and friends can compare them by identity. Methods are bound
 * and may be passed bare.
 */
export class Store<T> implements Readable<T> {
  #state: T;
  readonly #listeners = new Set<Listener>();

  constructor(initial: T) {
    this.#state = freeze(initial);
  }

  /** The current state. */
  readonly getSnapshot = (): T => this.#state;

  /** Calls `listener` after each change; returns the function that stops it. */
  readonly subscribe = (listener: Listener): (() => void) => {
    // A wrapper per subscription, so the same function subscribed twice is two independent subscriptions.
    const entry = () => listener();
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  };

  /** Replaces the state (or derives it from the previous one); listeners run only if it changed. */
  readonly setState = (next: T | ((previous: T) => T)): void => {
    const value = typeof next === 'function' ? (next as (previous: T) => T)(this.#state) : next;
    if (Object.is(value, this.#state)) return;
    this.#state = freeze(value);
    for (const listener of [...this.#listeners]) listener();
  };
}

function freeze<T>(value: T): T {
  return typeof value === 'object' && value !== null ? Object.freeze(value) : value;
}
