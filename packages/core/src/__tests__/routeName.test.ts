import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_APIS,
  isBuiltInApi,
  isLuckyError,
  MAX_ROUTE_NAME_LENGTH,
  parseWireName,
  pathSegments,
  resolveRouteName,
  toWireName,
} from '../index';

const longest = `/${Array.from({ length: 4 }, () => 'a'.repeat(63)).join('/')}`;

describe('resolveRouteName', () => {
  it.each([
    ['updateProfile', '/settings', 'settings/updateProfile'],
    ['updateProfile', '/', 'updateProfile'],
    ['updateProfile', '', 'updateProfile'],
    ['playCard', '/games/poker', 'games/poker/playCard'],
    ['/settings/updateProfile', '/anything/else', 'settings/updateProfile'],
    ['/settings/updateProfile', '/', 'settings/updateProfile'],
    ['updateProfile', '/settings/', 'settings/updateProfile'],
    ['updateProfile', '//settings//', 'settings/updateProfile'],
    ['updateProfile', '/settings?x=1', 'settings/updateProfile'],
    ['updateProfile', '/settings#top', 'settings/updateProfile'],
    ['updateProfile', '/settings/?x=1#top', 'settings/updateProfile'],
    ['updateProfile', '/settings?next=/../admin', 'settings/updateProfile'],
    ['a/b', '/x', 'x/a/b'],
    ['get-user_data', '/my-page_2', 'my-page_2/get-user_data'],
    ['Update2', '/Settings', 'Settings/Update2'],
    ['session', '/', 'session'],
  ])('%j on %j → %j', (name, currentPath, expected) => {
    expect(resolveRouteName(name, currentPath)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a 64-character segment', 'a'.repeat(64), '/', 'a'.repeat(64)],
    ['a name of exactly the maximum length', longest, '/ignored', longest.slice(1)],
  ])('accepts %s', (_label, name, currentPath, expected) => {
    expect(longest).toHaveLength(MAX_ROUTE_NAME_LENGTH);
    expect(resolveRouteName(name, currentPath)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a 257-character name', 'a'.repeat(MAX_ROUTE_NAME_LENGTH + 1), '/x', /too long/],
    ['a 65-character segment', 'a'.repeat(65), '/x', /at most 64/],
    [
      'a name too long once joined to the page',
      [1, 2, 3].map(() => 'a'.repeat(64)).join('/'),
      longest,
      /too long/,
    ],
    ['an over-long page path', 'getData', `/${'a'.repeat(MAX_ROUTE_NAME_LENGTH)}`, /page path.*too long/],
  ])('refuses %s', (_label, name, currentPath, why) => {
    const result = resolveRouteName(name, currentPath);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(why);
  });

  it('defaults the current path to /', () => {
    expect(resolveRouteName('getData')).toEqual({ ok: true, value: 'getData' });
  });

  it.each([
    ['..', '/x', /relative/],
    ['../x', '/x', /relative/],
    ['x/../y', '/x', /relative/],
    ['./x', '/x', /relative/],
    ['.', '/x', /relative/],
    ['/../admin/deleteUser', '/x', /relative/],
    ['a\\b', '/x', /backslash/],
    ['..\\x', '/x', /backslash/],
    ['a\0b', '/x', /NUL/],
    ['%2e%2e/x', '/x', /percent/],
    ['%2F', '/x', /percent/],
    ['a%00', '/x', /percent/],
    ['', '/x', /empty/],
    ['/', '/x', /empty/],
    ['a//b', '/x', /empty/],
    ['a/', '/x', /empty/],
    ['__proto__', '/x', /reserved/],
    ['constructor', '/x', /reserved/],
    ['prototype', '/x', /reserved/],
    ['/__proto__/x', '/x', /reserved/],
    ['x', '/constructor', /reserved/],
    ['a b', '/x', /letters/],
    ['é', '/x', /letters/],
    ['a?b', '/x', /letters/],
    ['a:b', '/x', /letters/],
    ['getData', '/../x', /page path.*relative/],
    ['getData', '/a/%2e%2e', /page path.*percent/],
    ['getData', '/a\\b', /page path.*backslash/],
  ])('refuses %j on %j', (name, currentPath, why) => {
    const result = resolveRouteName(name, currentPath);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(isLuckyError(result.error, 'BAD_REQUEST')).toBe(true);
    expect(result.error.message).toMatch(why);
  });

  it.each([42, null])('refuses the non-string name %j and says so', (name) => {
    const result = resolveRouteName(name as unknown as string, '/x');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(isLuckyError(result.error, 'BAD_REQUEST')).toBe(true);
    expect(result.error.message).toMatch(/string/);
  });

  it('refuses a non-string current path', () => {
    const result = resolveRouteName('getData', 42 as unknown as string);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/not a string/);
  });
});

describe('wire names', () => {
  it('prefixes the kind', () => {
    expect(toWireName('api', 'test/getData')).toBe('api/test/getData');
    expect(toWireName('sync', 'canvas/cursorMove')).toBe('sync/canvas/cursorMove');
  });

  it.each([
    ['api', 'api/test/getData', 'test/getData'],
    ['api', 'api/updateProfile', 'updateProfile'],
    ['sync', 'sync/canvas/cursorMove', 'canvas/cursorMove'],
  ] as const)('parseWireName(%j, %j) → %j', (kind, wire, key) => {
    expect(parseWireName(kind, wire)).toEqual({ ok: true, value: key });
    expect(toWireName(kind, key)).toBe(wire);
  });

  it.each([
    ['api', 'sync/x', /expected "api\/\{page\}/],
    ['sync', 'api/x', /expected "sync\/\{page\}/],
    ['api', 'session', /expected/],
    ['api', 'apix/y', /expected/],
    ['api', 'api/', /empty/],
    ['api', 'api//x', /empty/],
    ['api', 'api/../x', /relative/],
    ['api', 'api/x/../../y', /relative/],
    ['api', 'api/%2e%2e/x', /percent/],
    ['api', 'api/__proto__/polluted', /reserved/],
  ] as const)('parseWireName(%j, %j) refuses', (kind, wire, why) => {
    const result = parseWireName(kind, wire);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(isLuckyError(result.error, 'BAD_REQUEST')).toBe(true);
    expect(result.error.message).toMatch(why);
  });

  it.each([42, null])('parseWireName refuses the non-string %j without throwing', (wire) => {
    expect(() => parseWireName('api', wire as unknown as string)).not.toThrow();
    expect(parseWireName('api', wire as unknown as string).ok).toBe(false);
  });
});

describe('built-in APIs', () => {
  it('lists session and logout', () => {
    expect(BUILT_IN_APIS).toEqual(['session', 'logout']);
  });

  it.each([
    ['session', true],
    ['logout', true],
    ['api/session', false],
    ['Session', false],
    ['session/x', false],
    ['', false],
    [undefined, false],
  ])('isBuiltInApi(%j) is %s', (name, expected) => {
    expect(isBuiltInApi(name)).toBe(expected);
  });
});

describe('pathSegments', () => {
  it.each([
    ['/', []],
    ['', []],
    ['/settings', ['settings']],
    ['/games/poker/', ['games', 'poker']],
    ['/a?x=1#y', ['a']],
    ['/a#/b/c', ['a']],
  ])('%j → %j', (path, segments) => {
    expect(pathSegments(path)).toEqual({ ok: true, value: segments });
  });

  it.each(['/../x', '/a//b', '/a/%2F', '/a b', '/__proto__'])('refuses %j', (path) => {
    const result = pathSegments(path);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^Invalid page path/);
  });
});
