import { describe, expect, it, vi } from 'vitest';
import { type Readable, Store } from '../index';

interface Counter {
  count: number;
  tags: string[];
}

const initial = (): Counter => ({ count: 0, tags: [] });

describe('Store snapshots', () => {
  it('returns the same reference until the state changes', () => {
    const store = new Store(initial());
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    store.setState({ count: 1, tags: [] });
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(store.getSnapshot()).toBe(second);
  });

  it('freezes every snapshot, the initial one included', () => {
    const store = new Store(initial());
    expect(Object.isFrozen(store.getSnapshot())).toBe(true);
    store.setState((previous) => ({ ...previous, count: 1 }));
    const snapshot = store.getSnapshot();
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(() => {
      (snapshot as { count: number }).count = 99;
    }).toThrow(TypeError);
    expect(store.getSnapshot().count).toBe(1);
  });

  it('holds primitive states', () => {
    const store = new Store<string | null>(null);
    store.setState('CONNECTED');
    expect(store.getSnapshot()).toBe('CONNECTED');
  });
});

describe('Store.setState', () => {
  it('takes a value or an updater of the previous state', () => {
    const store = new Store(5);
    store.setState(7);
    expect(store.getSnapshot()).toBe(7);
    store.setState((previous) => previous * 2);
    expect(store.getSnapshot()).toBe(14);
  });

  it('notifies each listener once per change', () => {
    const store = new Store(0);
    const a = vi.fn();
    const b = vi.fn();
    store.subscribe(a);
    store.subscribe(b);
    store.setState(1);
    store.setState((n) => n + 1);
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(2);
    expect(a).toHaveBeenCalledWith();
  });

  it('lets listeners read the new snapshot', () => {
    const store = new Store(0);
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getSnapshot()));
    store.setState(1);
    store.setState(2);
    expect(seen).toEqual([1, 2]);
  });

  it.each([
    ['the same object', (state: Counter) => state],
    ['an updater returning the previous state', () => (previous: Counter) => previous],
  ])('does not notify for %s', (_label, next) => {
    const store = new Store(initial());
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();
    store.setState(next(before));
    expect(listener).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toBe(before);
  });

  it('compares with Object.is (NaN equals NaN, 0 differs from -0)', () => {
    const store = new Store(Number.NaN);
    const listener = vi.fn();
    store.subscribe(listener);
    store.setState(Number.NaN);
    expect(listener).not.toHaveBeenCalled();
    store.setState(0);
    store.setState(-0);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('Store.subscribe', () => {
  it('stops notifying after unsubscribe, and unsubscribing twice is harmless', () => {
    const store = new Store(0);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.setState(1);
    unsubscribe();
    unsubscribe();
    store.setState(2);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const store = new Store(0);
    const listener = vi.fn();
    const first = store.subscribe(listener);
    store.subscribe(listener);
    store.setState(1);
    expect(listener).toHaveBeenCalledTimes(2);
    first();
    store.setState(2);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('keeps notifying the others when a listener unsubscribes another mid-notification', () => {
    const store = new Store(0);
    const calls: string[] = [];
    let unsubscribeB = (): void => {};
    store.subscribe(() => {
      calls.push('a');
      unsubscribeB();
    });
    unsubscribeB = store.subscribe(() => calls.push('b'));
    store.subscribe(() => calls.push('c'));
    expect(() => store.setState(1)).not.toThrow();
    expect(calls).toContain('a');
    expect(calls).toContain('c');
    calls.length = 0;
    store.setState(2);
    expect(calls).toEqual(['a', 'c']);
  });

  it('does not call a listener subscribed mid-notification until the next change', () => {
    const store = new Store(0);
    const late = vi.fn();
    const unsubscribe = store.subscribe(() => {
      unsubscribe();
      store.subscribe(late);
    });
    store.setState(1);
    expect(late).not.toHaveBeenCalled();
    store.setState(2);
    expect(late).toHaveBeenCalledTimes(1);
  });
});

describe('bare methods', () => {
  it('work when destructured', () => {
    const store = new Store(initial());
    const { getSnapshot, subscribe, setState } = store;
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);
    setState((previous) => ({ ...previous, count: previous.count + 1 }));
    expect(getSnapshot().count).toBe(1);
    expect(getSnapshot()).toBe(store.getSnapshot());
    unsubscribe();
    setState({ count: 2, tags: [] });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('fit the Readable contract', () => {
    const readable: Readable<number> = new Store(3);
    const { getSnapshot, subscribe } = readable;
    expect(getSnapshot()).toBe(3);
    expect(subscribe(() => {})).toBeTypeOf('function');
  });
});
