import { isPlainObject, isResponseIndex } from '@luckystack/core';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../../../../testing/figures';
import { type Harness, startServer } from '../../../../testing/harness';
import { hostileRoutes } from './hostile.fixture';

const RUNS = process.env.CI === 'true' ? 10_000 : 2_000;
const EVENTS = [
  'apiRequest',
  'sync',
  'joinRoom',
  'leaveRoom',
  'updateLocation',
  'intentionalDisconnect',
  'whatever',
  'constructor',
];
const KIND = new Map([
  ['apiRequest', 'api'],
  ['sync', 'sync'],
  ['joinRoom', 'room'],
  ['leaveRoom', 'room'],
]);

function deep(levels: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < levels; i++) value = { next: value };
  return value;
}

// `logout` is left out on purpose: a real logout is the one request that may change the session.
const hostileName = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'api/__proto__',
    'api/constructor',
    'api/__proto__/admin',
    '../x',
    'api/../../etc/passwd',
    'api/test/../admin/secret',
    'api/a\u0000b',
    'sync/room/../chat',
    'api/%2e%2e/x',
    'api/test/echo',
    'api/test/strict',
    'api/admin/secret',
    'sync/room/chat',
    'sync/room/guarded',
    'session',
    'all',
    'lucky:token:x',
    'a'.repeat(10_240),
    '',
    '/',
    'api/',
    'api//x',
  ),
  fc.string({ maxLength: 40 }),
);
const hostileData = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3 }) },
  fc.constant(JSON.parse('{"__proto__":{"admin":true}}')),
  fc.constant(JSON.parse('{"constructor":{"prototype":{"admin":true}}}')),
  fc.constant(deep(200)),
  fc.constant(Array.from({ length: 20_000 }, (_, i) => i)),
  fc.record({ n: fc.oneof(fc.integer(), fc.anything()), tags: fc.array(fc.string(), { maxLength: 8 }) }),
  fc.record({ text: fc.oneof(fc.string({ maxLength: 120 }), fc.anything()) }),
);
const responseIndex = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 1_000_000 }) },
  fc.constantFrom(-1, 1.5, Number.NaN, 2 ** 60, '7', null),
  fc.anything({ maxDepth: 1 }),
);
const payload = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        name: hostileName,
        data: hostileData,
        responseIndex,
        receiver: fc.oneof(hostileName, fc.anything({ maxDepth: 1 })),
        room: fc.oneof(hostileName, fc.anything({ maxDepth: 1 })),
        ignoreSelf: fc.anything({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    ),
  },
  fc.anything({ maxDepth: 3 }),
  hostileName,
);

const event = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('apiRequest', 'sync', 'joinRoom', 'leaveRoom') },
  fc.constantFrom(...EVENTS),
);

let harness: Harness;
let anonymous: Socket;
let user: Socket;
let token: string;
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);
const stats = { cases: 0, answered: 0 };

/** Emits one event and, when the payload carries a usable responseIndex, waits for its answer. */
function send(socket: Socket, event: string, body: unknown): Promise<boolean | undefined> {
  const kind = KIND.get(event);
  const index = isPlainObject(body) && Object.hasOwn(body, 'responseIndex') ? body.responseIndex : undefined;
  if (!kind || !isResponseIndex(index)) {
    socket.emit(event, body);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const answer = `${kind}Response-${index}`;
    const timer = setTimeout(() => {
      socket.off(answer, done);
      resolve(false);
    }, 2_000);
    function done(response: unknown) {
      clearTimeout(timer);
      resolve(
        isPlainObject(response) && (response.status === 'success' || typeof response.errorCode === 'string'),
      );
    }
    socket.once(answer, done);
    socket.emit(event, body);
  });
}

describe('fuzzing every client → server event', () => {
  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    harness = await startServer({
      routes: hostileRoutes,
      config: { limits: { rate: false, maxInFlightPerSocket: 10_000 }, sync: { allowAll: true } },
    });
    token = await harness.lucky.login({ id: 'fuzzer', admin: false, name: 'Fuzz' });
    anonymous = await harness.connectRaw();
    user = await harness.connectRaw({ auth: { token } });
  });
  afterAll(async () => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    await harness.close();
    recordFigures('fuzz', { cases: stats.cases, answered: stats.answered, crashes: crashes.length });
  });

  it(`stays up and answers every request with a usable responseIndex (${RUNS} seeded cases)`, async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const sessionBefore = await harness.lucky.sessions.get(token);
    await fc.assert(
      fc.asyncProperty(event, payload, fc.boolean(), async (name, body, asUser) => {
        stats.cases++;
        const answered = await send(asUser ? user : anonymous, name, body);
        if (answered === true) stats.answered++;
        expect(answered).not.toBe(false);
      }),
      { numRuns: RUNS, seed: 20261126, endOnFailure: true },
    );
    // Still serving, untouched, unpolluted.
    expect(anonymous.connected && user.connected).toBe(true);
    expect(await send(user, 'apiRequest', { name: 'session', data: {}, responseIndex: 1 })).toBe(true);
    expect(await harness.lucky.sessions.get(token)).toEqual(sessionBefore);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(crashes).toEqual([]);
  }, 600_000);
});
