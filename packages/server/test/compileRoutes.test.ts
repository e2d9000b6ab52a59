import { defineRoutes } from '@luckystack/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileRoutes } from '../src/compileRoutes';

describe('compileRoutes refuses unsafe handlers at load time', () => {
  it('refuses a handler with no auth export, naming the fix', () => {
    const routes = { api: { 'a/b': { main: () => 1 } }, sync: {} } as never;
    expect(() => compileRoutes(routes)).toThrow(/"a\/b" has no `auth` export.*login: false/);
  });

  const cases: [string, unknown, RegExp][] = [
    ['auth null', { auth: null, main: () => 1 }, /invalid `auth`/],
    ['auth without login', { auth: {}, main: () => 1 }, /auth.login/],
    [
      'an unknown rule',
      { auth: { login: true, additional: [{ key: 'a', oops: 1 }] }, main: () => 1 },
      /exactly one/,
    ],
    ['no main', { auth: { login: false } }, /no `main`/],
    [
      'a schema that is not one',
      { auth: { login: false }, schema: { parse: () => 1 }, main: () => 1 },
      /Standard Schema/,
    ],
  ];
  it.each(cases)('refuses %s', (_, handler, message) => {
    expect(() => compileRoutes({ api: { 'a/b': handler }, sync: {} } as never)).toThrow(message);
  });

  it.each(['/a', 'a/', 'a//b', '../a', '__proto__', 'a/constructor'])('refuses the route key %j', (key) => {
    expect(() =>
      compileRoutes({ api: { [key]: { auth: { login: false }, main: () => 1 } }, sync: {} }),
    ).toThrow(/not a valid route key/);
  });

  it('refuses a sync without auth on either side, naming the file to put it in', () => {
    const routes = { api: {}, sync: { 'a/b': { client: { main: () => ({ status: 'success' }) } } } } as never;
    expect(() => compileRoutes(routes)).toThrow(/sync route "a\/b" has no `auth`.*`_client` file/);
  });

  it('refuses a sync with neither side, or a side without main', () => {
    expect(() => compileRoutes({ api: {}, sync: { a: {} } } as never)).toThrow(/neither/);
    expect(() =>
      compileRoutes({ api: {}, sync: { a: { server: { auth: { login: false } } } } } as never),
    ).toThrow(/without a `main`/);
  });

  it('accepts defineRoutes tables and module-shaped handlers alike', () => {
    const routes = defineRoutes({
      api: {
        'a/b': { auth: { login: false }, main: () => 1 },
        c: { auth: { login: true }, schema: z.object({}), main: () => 2 },
      },
    });
    expect([...compileRoutes(routes).api.keys()]).toEqual(['a/b', 'c']);
  });
});
