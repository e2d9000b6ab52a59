import type { RegisteredRoutes, RouteTableShape, SyncEvent, SyncName } from '@luckystack/core';
import type { LuckyClient } from './LuckyClient';

const noop = () => {};

/**
 * Sync callbacks owned by one component (or any other lifetime): `upsertSyncEventCallback` keeps one
 * callback per name within this scope, so two components never replace each other's; `clear` removes
 * them all and leaves the scope usable (React effects re-run), `close` removes them and ignores later
 * registrations (a registration after an `await` in an unmounted component). The bindings' `useSyncEvents`
 * is one scope per component.
 */
export class SyncScope<T extends RouteTableShape = RegisteredRoutes> {
  readonly #client: Pick<LuckyClient<T>, 'onSync'>;
  readonly #upserted = new Map<string, () => void>();
  readonly #removers = new Set<() => void>();
  #closed = false;

  constructor(client: Pick<LuckyClient<T>, 'onSync'>) {
    this.#client = client;
  }

  /** How many callbacks this scope holds. */
  get size(): number {
    return this.#removers.size;
  }

  /** Registers `callback` for sync `name`, replacing this scope's previous callback for that name. */
  readonly upsertSyncEventCallback = <N extends SyncName<T>>(
    name: N,
    callback: (event: SyncEvent<T, N>) => void,
  ): (() => void) => {
    this.#upserted.get(name)?.();
    const remove = this.onSync(name, callback);
    const unsubscribe = () => {
      remove();
      if (this.#upserted.get(name) === unsubscribe) this.#upserted.delete(name);
    };
    if (!this.#closed) this.#upserted.set(name, unsubscribe);
    return unsubscribe;
  };

  /** Registers `callback` for sync `name` alongside any others. */
  readonly onSync = <N extends SyncName<T>>(
    name: N,
    callback: (event: SyncEvent<T, N>) => void,
  ): (() => void) => {
    if (this.#closed) return noop;
    const remove = this.#client.onSync(name, callback);
    const tracked = () => {
      this.#removers.delete(tracked);
      remove();
    };
    this.#removers.add(tracked);
    return tracked;
  };

  /** Removes every callback of this scope; it can register again afterwards. */
  clear(): void {
    for (const remove of [...this.#removers]) remove();
    this.#upserted.clear();
  }

  /** Removes every callback of this scope and ignores any registered later. */
  close(): void {
    this.clear();
    this.#closed = true;
  }
}
