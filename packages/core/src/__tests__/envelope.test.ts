import { describe, expect, it } from 'vitest';
import {
  checkApiRequest,
  checkRoomRequest,
  checkSyncRequest,
  type EnvelopeResult,
  isLuckyError,
} from '../index';

const api = { name: 'api/settings/updateProfile', data: { a: 1 }, responseIndex: 7 };
const sync = {
  name: 'sync/canvas/cursorMove',
  data: { x: 1 },
  receiver: 'all',
  ignoreSelf: true,
  responseIndex: 7,
};
const room = { room: 'abc123', responseIndex: 7 };

const named = [
  ['checkApiRequest', checkApiRequest, api],
  ['checkSyncRequest', checkSyncRequest, sync],
] as const;
const checkers = [...named, ['checkRoomRequest', checkRoomRequest, room]] as const;

function expectRefused(
  result: EnvelopeResult<unknown>,
  responseIndex: number | undefined,
  why: RegExp,
): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(isLuckyError(result.error, 'BAD_REQUEST')).toBe(true);
  expect(result.error.message).toMatch(why);
  expect(result.responseIndex).toBe(responseIndex);
}

function withPollutedPrototype(key: string, value: unknown, run: () => void): void {
  Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true });
  try {
    run();
  } finally {
    Reflect.deleteProperty(Object.prototype, key);
  }
}

describe.each(checkers)('%s', (_name, check, valid) => {
  it('accepts a well-formed payload, plain or null-prototype', () => {
    expect(check(valid)).toEqual({ ok: true, value: valid });
    expect(check(Object.assign(Object.create(null), valid))).toEqual({ ok: true, value: valid });
  });

  it('returns only the protocol fields', () => {
    const result = check({ ...valid, extra: 'x', admin: true });
    expect(result).toEqual({ ok: true, value: valid });
  });

  it.each(
    [null, undefined, [], [valid], 'payload', 42, true, new Date(), new Map(), Object.create(valid)].map(
      (v) => [v],
    ),
  )('refuses the payload %o without an index', (payload) =>
    expectRefused(check(payload), undefined, /must be an object/),
  );

  it.each([
    undefined,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '1',
    2 ** 53,
    null,
    1n,
    [1],
    { valueOf: () => 1 },
  ])('refuses responseIndex %o without an index', (responseIndex) => {
    expectRefused(check({ ...valid, responseIndex }), undefined, /responseIndex/);
  });

  it.each([0, 1, Number.MAX_SAFE_INTEGER])('accepts responseIndex %d', (responseIndex) => {
    expect(check({ ...valid, responseIndex })).toEqual({ ok: true, value: { ...valid, responseIndex } });
  });

  it('never reads an inherited responseIndex', () => {
    withPollutedPrototype('responseIndex', 1, () => {
      const { responseIndex: _, ...rest } = valid;
      expectRefused(check(rest), undefined, /responseIndex/);
    });
  });
});

describe.each(named)('%s name and data', (_name, check, valid) => {
  it.each([42, null, {}, ['x'], undefined].map((value) => [value]))(
    'refuses name %o but returns the index',
    (name) => {
      expectRefused(check({ ...valid, name }), 7, /name must be a string/);
    },
  );

  it.each([[[]], ['data'], [42], [new Date()]])('refuses data %o but returns the index', (data) => {
    expectRefused(check({ ...valid, data }), 7, /data must be a plain object/);
  });

  it('reads a missing data as {}', () => {
    const { data: _, ...rest } = valid;
    expect(check(rest)).toEqual({ ok: true, value: { ...valid, data: {} } });
    expect(check({ ...rest, data: undefined })).toEqual({ ok: true, value: { ...valid, data: {} } });
  });

  it('keeps null-prototype data as it is', () => {
    const data = Object.assign(Object.create(null), { a: 1 });
    const result = check({ ...valid, data });
    expect(result.ok && result.value.data).toBe(data);
  });

  it('never reads an inherited name', () => {
    const { name: _, ...rest } = valid;
    expectRefused(check(Object.assign(Object.create({ name: 'x' }), rest)), undefined, /must be an object/);
    withPollutedPrototype('name', 'api/x', () => {
      expectRefused(check(rest), 7, /name must be a string/);
    });
  });

  it('takes a JSON "__proto__" key in data as plain data', () => {
    const payload = JSON.parse(
      `{"name":"${valid.name}","responseIndex":7,"data":{"__proto__":{"admin":true}}}`,
    );
    const extra = 'receiver' in valid ? { receiver: 'all' } : {};
    const result = check({ ...payload, ...extra });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value.data)).toBe(Object.prototype);
    expect(Object.hasOwn(result.value.data, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('checkSyncRequest receiver and ignoreSelf', () => {
  it.each([42, null, undefined, ['all'], {}].map((value) => [value]))(
    'refuses receiver %o but returns the index',
    (receiver) => {
      expectRefused(checkSyncRequest({ ...sync, receiver }), 7, /receiver must be a string/);
    },
  );

  it.each(['yes', 1, 0, 'false', {}])('refuses ignoreSelf %o but returns the index', (ignoreSelf) => {
    expectRefused(checkSyncRequest({ ...sync, ignoreSelf }), 7, /ignoreSelf must be a boolean/);
  });

  it('reads a missing ignoreSelf as false', () => {
    const { ignoreSelf: _, ...rest } = sync;
    expect(checkSyncRequest(rest)).toEqual({ ok: true, value: { ...sync, ignoreSelf: false } });
  });

  it('keeps ignoreSelf false and a room code receiver', () => {
    const payload = { ...sync, ignoreSelf: false, receiver: 'room-42' };
    expect(checkSyncRequest(payload)).toEqual({ ok: true, value: payload });
  });
});

describe('checkRoomRequest room', () => {
  it.each([42, null, undefined, ['abc'], {}].map((value) => [value]))(
    'refuses room %o but returns the index',
    (value) => {
      expectRefused(checkRoomRequest({ ...room, room: value }), 7, /room must be a string/);
    },
  );
});

function deeplyNested(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) node = { name: node, data: node, responseIndex: node };
  return node;
}

const oddValues: unknown[] = [
  Symbol('payload'),
  () => ({ name: 'x', responseIndex: 1 }),
  class {},
  10n,
  -0,
  Number.NaN,
  '',
  'apiRequest',
  true,
  [],
  [1, 2, 3],
  new Date(),
  /regex/,
  new Map([['responseIndex', 1]]),
  new Set(),
  new Error('payload'),
  Promise.resolve(1),
  new Uint8Array(4),
  new ArrayBuffer(4),
  new Proxy({}, {}),
  Object.freeze({ ...api }),
  deeplyNested(10_000),
  { responseIndex: 1, name: Symbol('name'), data: Symbol('data'), room: Symbol('room'), receiver: 1n },
  { responseIndex: 1, name: () => 'x', data: () => ({}), room: () => 'r' },
  { responseIndex: 1, name: 'x', data: deeplyNested(1_000), receiver: 'all', room: 'r' },
  { responseIndex: 1, name: 'x', data: new Proxy({}, {}), receiver: 'all', ignoreSelf: Symbol() },
  { [Symbol('responseIndex')]: 1, name: 'x' },
  { __proto__: null, responseIndex: 1, name: 'x', room: 'r', receiver: 'all' },
  JSON.parse('{"__proto__":{"responseIndex":1},"constructor":{"prototype":{"x":1}}}'),
  { responseIndex: 1, constructor: 'x', toString: 1, valueOf: null, hasOwnProperty: 1 },
];

describe('no input throws', () => {
  it.each(oddValues.map((value, index) => [index, value]))('odd value #%i', (_index, value) => {
    for (const [, check] of checkers) {
      let result: EnvelopeResult<unknown> | undefined;
      expect(() => {
        result = check(value);
      }).not.toThrow();
      expect(result?.ok).toBeTypeOf('boolean');
    }
  });

  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const throwing = (): never => {
    throw new Error('trap');
  };

  it.each([
    ['a Proxy whose get trap throws', new Proxy({ ...api, ...sync, ...room }, { get: throwing })],
    ['a Proxy whose getPrototypeOf trap throws', new Proxy({}, { getPrototypeOf: throwing })],
    ['a revoked Proxy', revocable.proxy],
    [
      'an object whose responseIndex getter throws',
      {
        ...api,
        get responseIndex(): number {
          return throwing();
        },
      },
    ],
    [
      'data that is a Proxy whose getPrototypeOf trap throws',
      { ...api, data: new Proxy({}, { getPrototypeOf: throwing }) },
    ],
  ])('refuses %s without throwing', (_label, value) => {
    for (const [, check] of checkers) {
      let result: EnvelopeResult<unknown> | undefined;
      expect(() => {
        result = check(value);
      }).not.toThrow();
      expect(result?.ok).toBe(false);
    }
  });
});
