import { describe, expect, it, vi } from 'vitest';
import { SyncListeners } from '../src/SyncListeners';
import { SyncScope } from '../src/SyncScope';

/** A scope over a real listener registry, keyed by the name as given (no page resolution in this unit). */
function setup() {
  const listeners = new SyncListeners();
  const scope = new SyncScope({
    onSync: (name: string, callback: never) => listeners.add(name, callback),
  } as never);
  const deliver = (name: string) => listeners.dispatch({ name, clientData: {}, serverOutput: null });
  return { listeners, scope: scope as SyncScope, deliver };
}

describe('SyncScope', () => {
  it('keeps one upserted callback per name within the scope', () => {
    const { listeners, scope, deliver } = setup();
    const [first, second] = [vi.fn(), vi.fn()];
    scope.upsertSyncEventCallback('chat', first);
    scope.upsertSyncEventCallback('chat', second);
    deliver('chat');
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([0, 1]);
    expect(listeners.size).toBe(1);
  });

  it('leaves other scopes alone', () => {
    const { listeners, scope, deliver } = setup();
    const other = new SyncScope({
      onSync: (name: string, callback: never) => listeners.add(name, callback),
    } as never);
    const [mine, theirs] = [vi.fn(), vi.fn()];
    scope.upsertSyncEventCallback('chat', mine);
    other.upsertSyncEventCallback('chat', theirs);
    scope.clear();
    deliver('chat');
    expect([mine.mock.calls.length, theirs.mock.calls.length]).toEqual([0, 1]);
  });

  it('clears and stays usable; closes and ignores later registrations', () => {
    const { listeners, scope, deliver } = setup();
    const callback = vi.fn();
    scope.onSync('a', callback);
    scope.upsertSyncEventCallback('b', callback);
    expect(scope.size).toBe(2);
    scope.clear();
    expect([scope.size, listeners.size]).toEqual([0, 0]);
    scope.upsertSyncEventCallback('a', callback);
    deliver('a');
    expect(callback).toHaveBeenCalledTimes(1);
    scope.close();
    const late = scope.upsertSyncEventCallback('a', callback);
    deliver('a');
    late();
    expect(callback).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
  });

  it('unsubscribes one callback without touching the rest', () => {
    const { scope, deliver } = setup();
    const [kept, dropped] = [vi.fn(), vi.fn()];
    scope.onSync('chat', kept);
    const stop = scope.upsertSyncEventCallback('chat', dropped);
    stop();
    stop();
    deliver('chat');
    expect([kept.mock.calls.length, dropped.mock.calls.length]).toEqual([1, 0]);
    expect(scope.size).toBe(1);
  });
});
