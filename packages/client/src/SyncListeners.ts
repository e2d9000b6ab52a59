import type { SyncDelivery } from '@luckystack/core';

/** A callback for one sync event name. */
export type SyncCallback = (delivery: SyncDelivery) => void;

/**
 * The client's sync callbacks by route key. `add` keeps every callback; `upsert` keeps one per key (the
 * spec's `upsertSyncEventCallback`), replacing the previous. Both return the function that removes it.
 */
export class SyncListeners {
  readonly #callbacks = new Map<string, Set<SyncCallback>>();
  readonly #upserted = new Map<string, () => void>();

  /** Registers `callback` for `key`. */
  add(key: string, callback: SyncCallback): () => void {
    // A wrapper per registration, so the same function added twice is removed once per unsubscribe.
    const entry: SyncCallback = (delivery) => callback(delivery);
    const set = this.#callbacks.get(key) ?? new Set();
    set.add(entry);
    this.#callbacks.set(key, set);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.#callbacks.get(key) === set) this.#callbacks.delete(key);
    };
  }

  /** Registers `callback` as the one upserted callback of `key`, replacing the previous one. */
  upsert(key: string, callback: SyncCallback): () => void {
    this.#upserted.get(key)?.();
    const remove = this.add(key, callback);
    const unsubscribe = () => {
      remove();
      if (this.#upserted.get(key) === unsubscribe) this.#upserted.delete(key);
    };
    this.#upserted.set(key, unsubscribe);
    return unsubscribe;
  }

  /** How many callbacks are registered, over all keys. */
  get size(): number {
    let size = 0;
    for (const set of this.#callbacks.values()) size += set.size;
    return size;
  }

  /** Calls every callback of the delivery's key; one that throws does not stop the others. */
  dispatch(delivery: SyncDelivery): void {
    const set = this.#callbacks.get(delivery.name);
    if (!set) return;
    for (const callback of [...set]) {
      try {
        callback(delivery);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
