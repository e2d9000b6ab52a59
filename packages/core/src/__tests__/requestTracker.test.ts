import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isLuckyError, isResponseIndex, RequestTracker } from '../index';

type Outcome =
  | { state: 'pending' }
  | { state: 'fulfilled'; value: unknown }
  | { state: 'rejected'; reason: unknown };

function watch(promise: Promise<unknown>): { current: Outcome } {
  const box: { current: Outcome } = { current: { state: 'pending' } };
  promise.then(
    (value) => {
      box.current = { state: 'fulfilled', value };
    },
    (reason) => {
      box.current = { state: 'rejected', reason };
    },
  );
  return box;
}

const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('indexes and answers', () => {
  it('issues distinct, increasing, valid indexes', async () => {
    const tracker = new RequestTracker();
    const requests = Array.from({ length: 5 }, () => tracker.track());
    const outcomes = requests.map((request) => watch(request.promise));
    const indexes = requests.map((request) => request.responseIndex);
    expect(indexes.every(isResponseIndex)).toBe(true);
    expect(new Set(indexes).size).toBe(5);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
    expect(tracker.inFlight).toBe(5);
    tracker.rejectAll();
    await flush();
    expect(outcomes.every((outcome) => outcome.current.state === 'rejected')).toBe(true);
  });

  it('settles the request with the matching index', async () => {
    const tracker = new RequestTracker<string>();
    const { responseIndex, promise } = tracker.track();
    expect(tracker.resolve(responseIndex, 'answer')).toBe(true);
    await expect(promise).resolves.toBe('answer');
    expect(tracker.inFlight).toBe(0);
  });

  it('matches answers that arrive out of order', async () => {
    const tracker = new RequestTracker<string>();
    const first = tracker.track();
    const second = tracker.track();
    const third = tracker.track();
    tracker.resolve(third.responseIndex, 'third');
    tracker.resolve(first.responseIndex, 'first');
    tracker.resolve(second.responseIndex, 'second');
    await expect(Promise.all([first.promise, second.promise, third.promise])).resolves.toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('ignores a duplicate answer', async () => {
    const tracker = new RequestTracker<string>();
    const { responseIndex, promise } = tracker.track();
    const other = watch(tracker.track().promise);
    expect(tracker.resolve(responseIndex, 'first')).toBe(true);
    expect(tracker.resolve(responseIndex, 'second')).toBe(false);
    await expect(promise).resolves.toBe('first');
    expect(tracker.inFlight).toBe(1);
    expect(other.current.state).toBe('pending');
    tracker.rejectAll();
  });

  it.each([0, 999, -1, 1.5, Number.NaN])('ignores an answer for unknown index %d', (index) => {
    const tracker = new RequestTracker();
    const pending = watch(tracker.track().promise);
    expect(tracker.resolve(index, 'x')).toBe(false);
    expect(tracker.inFlight).toBe(1);
    expect(pending.current.state).toBe('pending');
    tracker.rejectAll();
  });
});

describe('time-outs', () => {
  it('rejects with TIMEOUT after 15 s by default', async () => {
    const tracker = new RequestTracker();
    const { responseIndex, promise } = tracker.track();
    const outcome = watch(promise);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(outcome.current.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome.current.state).toBe('rejected');
    expect(outcome.current.state === 'rejected' && isLuckyError(outcome.current.reason, 'TIMEOUT')).toBe(
      true,
    );
    expect(tracker.inFlight).toBe(0);
    expect(tracker.resolve(responseIndex, 'late')).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes the tracker-wide and per-call time-outs', async () => {
    const tracker = new RequestTracker({ timeoutMs: 1_000 });
    const shared = watch(tracker.track().promise);
    const own = watch(tracker.track({ timeoutMs: 50 }).promise);
    await vi.advanceTimersByTimeAsync(50);
    expect(own.current.state).toBe('rejected');
    expect(shared.current.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(950);
    expect(shared.current.state).toBe('rejected');
  });

  it.each([0, Number.POSITIVE_INFINITY])('never times out with timeoutMs %d', async (timeoutMs) => {
    const tracker = new RequestTracker();
    const { responseIndex, promise } = tracker.track({ timeoutMs });
    const outcome = watch(promise);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(outcome.current.state).toBe('pending');
    tracker.resolve(responseIndex, 'eventually');
    await flush();
    expect(outcome.current).toEqual({ state: 'fulfilled', value: 'eventually' });
  });
});

describe('abort', () => {
  it('rejects with the signal reason and frees the entry', async () => {
    const tracker = new RequestTracker();
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const { responseIndex, promise } = tracker.track({ signal: controller.signal });
    const outcome = watch(promise);
    expect(tracker.inFlight).toBe(1);
    controller.abort(reason);
    await flush();
    expect(outcome.current).toEqual({ state: 'rejected', reason });
    expect(tracker.inFlight).toBe(0);
    expect(tracker.resolve(responseIndex, 'late')).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with an AbortError when aborted without a reason', async () => {
    const tracker = new RequestTracker();
    const controller = new AbortController();
    const { promise } = tracker.track({ signal: controller.signal });
    controller.abort();
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects at once for an already-aborted signal', async () => {
    const tracker = new RequestTracker();
    const { promise } = tracker.track({ signal: AbortSignal.abort('gone') });
    expect(tracker.inFlight).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    await expect(promise).rejects.toBe('gone');
  });

  it('ignores an abort after the answer', async () => {
    const tracker = new RequestTracker();
    const controller = new AbortController();
    const { responseIndex, promise } = tracker.track({ signal: controller.signal });
    tracker.resolve(responseIndex, 'done');
    controller.abort();
    await expect(promise).resolves.toBe('done');
  });
});

describe('rejectAll', () => {
  it('rejects everything in flight with DISCONNECTED', async () => {
    const tracker = new RequestTracker();
    const requests = [tracker.track(), tracker.track(), tracker.track({ timeoutMs: 0 })];
    const outcomes = requests.map((request) => watch(request.promise));
    tracker.rejectAll();
    await flush();
    expect(tracker.inFlight).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    for (const outcome of outcomes) {
      expect(
        outcome.current.state === 'rejected' && isLuckyError(outcome.current.reason, 'DISCONNECTED'),
      ).toBe(true);
    }
    for (const { responseIndex } of requests) expect(tracker.resolve(responseIndex, 'late')).toBe(false);
  });

  it('rejects with the given error', async () => {
    const tracker = new RequestTracker();
    const { promise } = tracker.track();
    const error = new Error('server restarting');
    tracker.rejectAll(error);
    await expect(promise).rejects.toBe(error);
  });
});

describe('maxInFlight', () => {
  it('refuses one request too many with RATE_LIMITED and frees a slot on answer', async () => {
    const tracker = new RequestTracker({ maxInFlight: 2 });
    const first = tracker.track();
    const second = watch(tracker.track().promise);
    const third = tracker.track();
    await expect(third.promise).rejects.toSatisfy((error) => isLuckyError(error, 'RATE_LIMITED'));
    expect(tracker.inFlight).toBe(2);
    expect(tracker.resolve(third.responseIndex, 'x')).toBe(false);
    tracker.resolve(first.responseIndex, 'done');
    const fourth = tracker.track();
    expect(tracker.inFlight).toBe(2);
    tracker.resolve(fourth.responseIndex, 'ok');
    await expect(fourth.promise).resolves.toBe('ok');
    expect(second.current.state).toBe('pending');
    tracker.rejectAll();
  });
});

describe('timers', () => {
  it('leaves no timer behind once every request is settled', async () => {
    const tracker = new RequestTracker();
    const controller = new AbortController();
    const answered = tracker.track();
    const aborted = tracker.track({ signal: controller.signal });
    const timedOut = tracker.track({ timeoutMs: 10 });
    const outcomes = [answered, aborted, timedOut].map((request) => watch(request.promise));
    expect(vi.getTimerCount()).toBe(1);
    tracker.resolve(answered.responseIndex, 'ok');
    controller.abort();
    await vi.advanceTimersByTimeAsync(10);
    expect(outcomes.map((outcome) => outcome.current.state)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(vi.getTimerCount()).toBe(0);
    expect(tracker.inFlight).toBe(0);
  });
});

describe('rejectAll with keep', () => {
  it('keeps the requests it is told to keep, still answerable later', async () => {
    const tracker = new RequestTracker<string>();
    const [kept, dropped] = [tracker.track(), tracker.track()];
    tracker.rejectAll(undefined, (index) => index === kept.responseIndex);
    await expect(dropped.promise).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(tracker.inFlight).toBe(1);
    expect(tracker.resolve(kept.responseIndex, 'later')).toBe(true);
    await expect(kept.promise).resolves.toBe('later');
  });
});
