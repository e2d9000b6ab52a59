import { describe, expect, it } from 'vitest';
import { INITIAL_SOCKET_STATUS, nextPeerDeadline, reduceSocketStatus, type SocketStatus } from '../index';

const connected: SocketStatus = reduceSocketStatus(INITIAL_SOCKET_STATUS, { type: 'connect' });

describe('reduceSocketStatus', () => {
  it('starts disconnected and follows the connection', () => {
    expect(INITIAL_SOCKET_STATUS.self.status).toBe('DISCONNECTED');
    expect(connected).toEqual({ self: { status: 'CONNECTED' } });
    const dropped = reduceSocketStatus(connected, { type: 'disconnect', reason: 'transport close' });
    expect(dropped.self).toEqual({ status: 'DISCONNECTED', reason: 'transport close' });
    const retrying = reduceSocketStatus(dropped, { type: 'reconnectAttempt', attempt: 2 });
    expect(retrying.self).toEqual({ status: 'RECONNECTING', reconnectAttempt: 2 });
  });

  it('returns the same object when nothing changes', () => {
    expect(reduceSocketStatus(connected, { type: 'connect' })).toBe(connected);
    expect(reduceSocketStatus(connected, { type: 'userLeft', message: { userId: 'nobody' } })).toBe(
      connected,
    );
  });

  it('tracks peers: away with a deadline, back, then gone', () => {
    const away = reduceSocketStatus(connected, {
      type: 'userAfk',
      message: { userId: 'ada', endTime: 1234 },
    });
    expect(away.ada).toEqual({ status: 'DISCONNECTED', endTime: 1234, reason: 'afk' });
    const back = reduceSocketStatus(away, { type: 'userBack', message: { userId: 'ada' } });
    expect(back.ada).toEqual({ status: 'CONNECTED' });
    const gone = reduceSocketStatus(back, { type: 'userLeft', message: { userId: 'ada' } });
    expect(gone).toEqual({ self: { status: 'CONNECTED' } });
  });

  it('forgets peers when this connection drops, since their events are missed meanwhile', () => {
    const away = reduceSocketStatus(connected, { type: 'userAfk', message: { userId: 'ada', endTime: 1 } });
    expect(reduceSocketStatus(away, { type: 'disconnect', reason: 'ping timeout' })).toEqual({
      self: { status: 'DISCONNECTED', reason: 'ping timeout' },
    });
  });

  it('never lets a peer overwrite self, and ignores malformed messages', () => {
    expect(reduceSocketStatus(connected, { type: 'userAfk', message: { userId: 'self', endTime: 1 } })).toBe(
      connected,
    );
    const malformed = [
      { userId: 42, endTime: 1 },
      { userId: 'ada', endTime: '1' },
    ] as unknown as { userId: string; endTime: number }[];
    for (const message of malformed)
      expect(reduceSocketStatus(connected, { type: 'userAfk', message })).toBe(connected);
    const odd = reduceSocketStatus(connected, { type: 'userBack', message: { userId: '__proto__' } });
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(Object.entries(odd)).toEqual([
      ['self', { status: 'CONNECTED' }],
      ['__proto__', { status: 'CONNECTED' }],
    ]);
  });
});

describe('peer deadlines', () => {
  it('finds the earliest deadline and drops only the peers past it', () => {
    let status = reduceSocketStatus(connected, { type: 'userAfk', message: { userId: 'ada', endTime: 100 } });
    status = reduceSocketStatus(status, { type: 'userAfk', message: { userId: 'bob', endTime: 50 } });
    status = reduceSocketStatus(status, { type: 'userBack', message: { userId: 'bob' } });
    status = reduceSocketStatus(status, { type: 'userAfk', message: { userId: 'cy', endTime: 200 } });
    expect(nextPeerDeadline(status)).toBe(100);
    expect(reduceSocketStatus(status, { type: 'expire', now: 99 })).toBe(status);
    const after = reduceSocketStatus(status, { type: 'expire', now: 150 });
    expect(Object.keys(after)).toEqual(['self', 'bob', 'cy']);
    expect(nextPeerDeadline(after)).toBe(200);
    expect(nextPeerDeadline(connected)).toBeUndefined();
  });
});

describe('offline queue count', () => {
  it('keeps the queued count on self across connection changes, and drops it at zero', () => {
    const queued = reduceSocketStatus(connected, { type: 'queued', count: 3 });
    expect(queued.self).toEqual({ status: 'CONNECTED', queued: 3 });
    const dropped = reduceSocketStatus(queued, { type: 'disconnect', reason: 'transport close' });
    expect(dropped.self).toEqual({ status: 'DISCONNECTED', reason: 'transport close', queued: 3 });
    const retrying = reduceSocketStatus(dropped, { type: 'reconnectAttempt', attempt: 1 });
    expect(retrying.self).toEqual({ status: 'RECONNECTING', reconnectAttempt: 1, queued: 3 });
    expect(reduceSocketStatus(retrying, { type: 'queued', count: 3 })).toBe(retrying);
    expect(reduceSocketStatus(retrying, { type: 'queued', count: 0 }).self).toEqual({
      status: 'RECONNECTING',
      reconnectAttempt: 1,
    });
  });
});
