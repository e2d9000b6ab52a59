import { describe, expect, it } from 'vitest';
import {
  type AuthCheck,
  type AuthProps,
  checkAuth,
  checkAuthPolicy,
  compileAuth,
  type ErrorCode,
  isLuckyError,
} from '../index';

const user = { id: 'u1' };

function compile(auth: unknown): AuthCheck {
  const compiled = compileAuth(auth);
  if (!compiled.ok) throw compiled.error;
  return compiled.value;
}

function expectPass(auth: AuthProps, session: unknown): void {
  expect(checkAuth(auth, session)).toEqual({ ok: true, value: true });
  expect(compile(auth)(session)).toEqual({ ok: true, value: true });
}

function expectFail(auth: AuthProps, session: unknown, code: ErrorCode, message?: RegExp): void {
  for (const result of [checkAuth(auth, session), compile(auth)(session)]) {
    expect(result.ok).toBe(false);
    if (result.ok) continue;
    expect(result.error.code).toBe(code);
    expect(isLuckyError(result.error, code)).toBe(true);
    if (message) expect(result.error.message).toMatch(message);
  }
}

function withPollutedPrototype(key: string, value: unknown, run: () => void): void {
  Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true });
  try {
    run();
  } finally {
    Reflect.deleteProperty(Object.prototype, key);
  }
}

const withField = (field: unknown) => ({ id: 'u1', field });

const rule = (extra: Record<string, unknown>): AuthProps =>
  ({ login: true, additional: [{ key: 'field', ...extra }] }) as unknown as AuthProps;

describe('Pattern 1: public (login: false)', () => {
  it.each([null, undefined, user, { id: 'u2', admin: false }])('lets %o through', (session) => {
    expectPass({ login: false }, session);
    expectPass({ login: false, additional: [] }, session);
  });
});

describe('Pattern 2: login required', () => {
  it.each([null, undefined, {}, { id: null }, { id: undefined }, { name: 'x' }, Object.create(user)])(
    'answers %o with UNAUTHORIZED',
    (session) => expectFail({ login: true }, session, 'UNAUTHORIZED', /login/i),
  );

  it.each([user, { id: 0 }, { id: 'u1', admin: true }])('lets %o through', (session) => {
    expectPass({ login: true }, session);
  });
});

describe('Pattern 3: admin only', () => {
  const admin: AuthProps = { login: true, additional: [{ key: 'admin', value: true }] };

  it('lets admin: true through', () => expectPass(admin, { id: 'u1', admin: true }));

  it.each(['true', 1, false, null])('forbids admin: %o and names the rule', (value) => {
    expectFail(admin, { id: 'u1', admin: value }, 'FORBIDDEN', /admin/);
  });

  it('forbids a session without the key', () => expectFail(admin, user, 'FORBIDDEN', /admin/));

  it('answers UNAUTHORIZED, not FORBIDDEN, when anonymous', () => expectFail(admin, null, 'UNAUTHORIZED'));
});

describe('Pattern 4: nullish', () => {
  const present = rule({ nullish: false });
  const absent = rule({ nullish: true });

  it.each([0, '', false, 'a@b.c', {}])('nullish: false accepts %o', (field) => {
    expectPass(present, withField(field));
    expectFail(absent, withField(field), 'FORBIDDEN', /field/);
  });

  it.each([null, undefined])('nullish: false refuses %o', (field) => {
    expectFail(present, withField(field), 'FORBIDDEN', /field/);
    expectPass(absent, withField(field));
  });

  it('treats a missing key as nullish', () => {
    expectFail(present, user, 'FORBIDDEN', /field/);
    expectPass(absent, user);
  });
});

describe('Pattern 5: strict value', () => {
  const google = rule({ value: 'google' });

  it('accepts the exact value', () => expectPass(google, { id: 'u1', field: 'google' }));

  it.each(['Google', 'github', ' google', null, undefined, ['google']].map((value) => [value]))(
    'refuses %o',
    (field) => {
      expectFail(google, withField(field), 'FORBIDDEN', /field must equal "google"/);
    },
  );

  it('tells null from a missing key', () => {
    expectPass(rule({ value: null }), { id: 'u1', field: null });
    expectFail(rule({ value: null }), user, 'FORBIDDEN');
  });

  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;

  it.each([
    ['a bigint', 10n],
    ['a cyclic object', cyclic],
  ])('compiles a rule whose value is %s without throwing', (_label, value) => {
    const auth = rule({ value });
    expect(() => checkAuth(auth, user)).not.toThrow();
    expectPass(auth, { id: 'u1', field: value });
  });
});

describe('Pattern 6: type', () => {
  it.each([
    ['string', ['', 'x'], [1, null, undefined, ['x']]],
    ['number', [0, -1.5, Number.NaN], ['1', 1n, null]],
    ['boolean', [true, false], [0, 'true', null]],
    ['bigint', [0n, 10n], [0, '10']],
    ['object', [{}, Object.create(null), new Date()], [null, [], 'x', undefined]],
    ['array', [[], [1]], [{}, { length: 0 }, 'abc', null]],
  ] as const)('type: %s', (type, passing, failing) => {
    for (const field of passing) expectPass(rule({ type }), withField(field));
    for (const field of failing) {
      expectFail(rule({ type }), withField(field), 'FORBIDDEN', new RegExp(`field must be of type ${type}`));
    }
  });
});

describe('Pattern 7: truthy / falsy', () => {
  it.each(['x', 1, [], {}, true].map((value) => [value]))('mustBeFalsy: false accepts %o', (field) => {
    expectPass(rule({ mustBeFalsy: false }), withField(field));
    expectFail(rule({ mustBeFalsy: true }), withField(field), 'FORBIDDEN', /falsy/);
  });

  it.each([0, '', null, Number.NaN, false, undefined, 0n])('mustBeFalsy: false refuses %o', (field) => {
    expectFail(rule({ mustBeFalsy: false }), withField(field), 'FORBIDDEN', /field must be truthy/);
    expectPass(rule({ mustBeFalsy: true }), withField(field));
  });
});

describe('Pattern 8: multiple conditions', () => {
  const auth: AuthProps = {
    login: true,
    additional: [
      { key: 'admin', value: true },
      { key: 'email', nullish: false },
      { key: 'name', type: 'string' },
    ],
  };
  const good = { id: 'u1', admin: true, email: 'a@b.c', name: 'Ann' };

  it('passes when every rule passes', () => expectPass(auth, good));

  it.each([
    [{ ...good, admin: false }, /^Forbidden: admin/],
    [{ ...good, email: null }, /^Forbidden: email/],
    [{ ...good, name: 7 }, /^Forbidden: name/],
    [{ ...good, admin: 'yes', email: null, name: 7 }, /^Forbidden: admin/],
    [{ ...good, email: undefined, name: null }, /^Forbidden: email/],
  ])('names the first failing rule for %o', (session, message) => {
    expectFail(auth, session, 'FORBIDDEN', message);
  });
});

describe('what a session may and may not supply', () => {
  const admin: AuthProps = { login: true, additional: [{ key: 'admin', value: true }] };

  it('ignores inherited keys', () => {
    const session = Object.assign(Object.create({ admin: true }), { id: 'u1' });
    expectFail(admin, session, 'FORBIDDEN', /admin/);
  });

  it('ignores a polluted Object.prototype', () => {
    withPollutedPrototype('admin', true, () => expectFail(admin, user, 'FORBIDDEN', /admin/));
    withPollutedPrototype('id', 'u1', () => expectFail({ login: true }, {}, 'UNAUTHORIZED'));
    expect(Object.hasOwn(Object.prototype, 'admin')).toBe(false);
  });

  it.each([null, undefined, 'u1', ['u1'], 42].map((value) => [value]))(
    'answers anonymous %o with UNAUTHORIZED',
    (session) => {
      const auth: AuthProps = { login: false, additional: [{ key: 'admin', value: true }] };
      expect(() => checkAuth(auth, session)).not.toThrow();
      expectFail(auth, session, 'UNAUTHORIZED');
    },
  );

  it('applies rules to a logged-in caller of a public handler', () => {
    const auth: AuthProps = { login: false, additional: [{ key: 'admin', value: true }] };
    expectFail(auth, user, 'FORBIDDEN', /admin/);
    expectPass(auth, { id: 'u1', admin: true });
  });
});

describe('malformed policies fail closed', () => {
  it.each([
    ['two conditions', { login: true, additional: [{ key: 'a', value: 1, nullish: false }] }, /exactly one/],
    ['a rule with no condition', { login: true, additional: [{ key: 'a' }] }, /exactly one/],
    ['an unknown condition', { login: true, additional: [{ key: 'a', equals: 1 }] }, /exactly one/],
    ['a non-string key', { login: true, additional: [{ key: 1, value: 1 }] }, /key/],
    ['a missing key', { login: true, additional: [{ value: 1 }] }, /key/],
    ["nullish: 'no'", { login: true, additional: [{ key: 'a', nullish: 'no' }] }, /true or false/],
    ['mustBeFalsy: 0', { login: false, additional: [{ key: 'a', mustBeFalsy: 0 }] }, /true or false/],
    ["type: 'function'", { login: true, additional: [{ key: 'a', type: 'function' }] }, /unknown type/],
    ['a string rule', { login: true, additional: ['admin'] }, /object/],
    ['a null rule', { login: false, additional: [null] }, /object/],
    ['an array rule', { login: true, additional: [['admin', true]] }, /object/],
    ['additional as an object', { login: true, additional: { key: 'a', value: 1 } }, /array/],
    ['additional as a string', { login: false, additional: 'admin' }, /array/],
    ['auth null', null, /object/],
    ['auth undefined', undefined, /object/],
    ['auth an array', [], /object/],
    ['auth without login', {}, /login/],
    ["login: 'yes'", { login: 'yes' }, /login/],
    ['login: 1', { login: 1, additional: [] }, /login/],
  ])('%s', (_label, auth, message) => {
    const policy = checkAuthPolicy(auth);
    expect(policy.ok).toBe(false);
    if (!policy.ok) expect(policy.error.message).toMatch(message);
    expect(compileAuth(auth).ok).toBe(false);
    for (const session of [null, user, { id: 'u1', a: 1, admin: true }]) {
      const result = checkAuth(auth as AuthProps, session);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(isLuckyError(result.error, 'FORBIDDEN')).toBe(true);
        expect(result.error.message).toMatch(message);
      }
    }
  });

  it('does not read login from a polluted Object.prototype', () => {
    withPollutedPrototype('login', false, () => {
      expect(checkAuthPolicy({}).ok).toBe(false);
      expect(checkAuth({} as AuthProps, null).ok).toBe(false);
    });
  });

  it.each([
    { login: false },
    { login: true, additional: [] },
    { login: true, additional: [{ key: 'a', value: undefined }] },
    { login: true, additional: [{ key: 'a', nullish: true }] },
    { login: true, additional: [{ key: 'b', mustBeFalsy: false }] },
    { login: false, additional: [{ key: 'a', type: 'bigint' }] },
    Object.assign(Object.create(null), { login: true }),
  ])('accepts the well-formed policy %o', (auth) => {
    expect(checkAuthPolicy(auth)).toEqual({ ok: true, value: auth });
    expect(compileAuth(auth).ok).toBe(true);
  });
});
