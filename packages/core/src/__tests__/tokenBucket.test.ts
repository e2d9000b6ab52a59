import { describe, expect, it } from 'vitest';
import { isOriginAllowed, TokenBucket } from '../index';

describe('TokenBucket', () => {
  it('allows a burst, then the steady rate, and refills while idle', () => {
    let now = 0;
    const bucket = new TokenBucket({ burst: 3, perSecond: 10, now: () => now });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 99;
    expect(bucket.take()).toBe(false);
    now += 1;
    expect(bucket.take()).toBe(true);
    now += 10_000;
    expect(Array.from({ length: 4 }, () => bucket.take())).toEqual([true, true, true, false]);
  });
});

describe('isOriginAllowed', () => {
  it.each([
    [undefined, 'example.com', undefined, true],
    ['https://example.com', 'example.com', undefined, true],
    ['https://evil.test', 'example.com', undefined, false],
    ['http://localhost:5173', 'localhost:3000', undefined, false],
    ['http://localhost:5173', 'localhost:3000', ['http://localhost:5173'], true],
    ['https://evil.test', 'example.com', ['https://example.com'], false],
    ['https://any.test', 'example.com', ['*'], true],
    ['not a url', 'example.com', undefined, false],
    ['null', 'example.com', undefined, false],
    ['https://example.com', undefined, undefined, false],
  ])('origin %s to host %s with %j → %s', (origin, host, allowed, expected) => {
    expect(isOriginAllowed(origin, host, allowed)).toBe(expected);
  });
});
