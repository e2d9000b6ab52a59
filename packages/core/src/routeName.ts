import { ERROR_CODES, LuckyError } from './errors';
import type { Result } from './result';

/** The two kinds of named route: API handlers and sync events. */
export type RouteKind = 'api' | 'sync';

/** API names handled by the library itself; on the wire they stay bare (`session`, not `api/session`). */
export const BUILT_IN_APIS = ['session', 'logout'] as const;

/** One of the {@link BUILT_IN_APIS}. */
export type BuiltInApi = (typeof BUILT_IN_APIS)[number];

/** Whether `name` is a built-in API name. */
export function isBuiltInApi(name: unknown): name is BuiltInApi {
  return name === 'session' || name === 'logout';
}

/** Longest accepted name or path, in characters. */
export const MAX_ROUTE_NAME_LENGTH = 256;
const MAX_SEGMENT_LENGTH = 64;
const SEGMENT = /^[A-Za-z0-9_-]+$/;
const RESERVED_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

function refuse(message: string): { ok: false; error: LuckyError } {
  return { ok: false, error: new LuckyError(ERROR_CODES.BAD_REQUEST, message) };
}

/** Why `segment` cannot be part of a route name, or `undefined` when it can. */
function segmentProblem(segment: string): string | undefined {
  if (segment === '') return 'empty segments are not allowed';
  if (segment === '.' || segment === '..') return 'relative segments (. and ..) are not allowed';
  if (segment.includes('\0')) return 'NUL bytes are not allowed';
  if (segment.includes('\\')) return 'backslashes are not allowed';
  if (segment.includes('%')) return 'percent-encoding is not allowed';
  if (RESERVED_SEGMENTS.has(segment)) return `"${segment}" is a reserved segment`;
  if (segment.length > MAX_SEGMENT_LENGTH) return `segments are at most ${MAX_SEGMENT_LENGTH} characters`;
  if (!SEGMENT.test(segment)) return 'segments may only hold letters, digits, "_" and "-"';
  return undefined;
}

function checkSegments(segments: string[], what: string): Result<string[]> {
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem) return refuse(`Invalid ${what}: ${problem}`);
  }
  return { ok: true, value: segments };
}

/** A page path's segments: query, hash and trailing slashes ignored; `/` has none. */
export function pathSegments(currentPath: string): Result<string[]> {
  if (typeof currentPath !== 'string') return refuse('Invalid page path: not a string');
  if (currentPath.length > MAX_ROUTE_NAME_LENGTH) return refuse('Invalid page path: too long');
  const end = currentPath.search(/[?#]/);
  const path = (end === -1 ? currentPath : currentPath.slice(0, end)).replace(/^\/+|\/+$/g, '');
  return checkSegments(path === '' ? [] : path.split('/'), 'page path');
}

/**
 * Resolves a route name as a client writes it to its canonical key: `updateProfile` on `/settings` is
 * `settings/updateProfile`; a leading slash makes it absolute (`/settings/updateProfile` from any page).
 * Hostile names (traversal, encoded or reserved segments, NUL, over-long) are refused, never thrown.
 */
export function resolveRouteName(name: string, currentPath = '/'): Result<string> {
  if (typeof name !== 'string') return refuse('Invalid route name: not a string');
  if (name === '') return refuse('Invalid route name: empty');
  if (name.length > MAX_ROUTE_NAME_LENGTH) return refuse('Invalid route name: too long');
  const absolute = name.startsWith('/');
  const own = checkSegments((absolute ? name.slice(1) : name).split('/'), 'route name');
  if (!own.ok) return own;
  if (absolute) return { ok: true, value: own.value.join('/') };
  const base = pathSegments(currentPath);
  if (!base.ok) return base;
  const key = [...base.value, ...own.value].join('/');
  if (key.length > MAX_ROUTE_NAME_LENGTH) return refuse('Invalid route name: too long');
  return { ok: true, value: key };
}

/** The wire name of a route key: `toWireName('api', 'test/getData') === 'api/test/getData'`. */
export function toWireName(kind: RouteKind, key: string): string {
  return `${kind}/${key}`;
}

/**
 * Reads a wire name (`api/settings/updateProfile`) back to its route key (`settings/updateProfile`),
 * applying the same checks as {@link resolveRouteName}. The server calls this on every request.
 */
export function parseWireName(kind: RouteKind, wireName: string): Result<string> {
  const prefix = `${kind}/`;
  if (typeof wireName !== 'string') return refuse('Invalid route name: not a string');
  if (!wireName.startsWith(prefix)) return refuse(`Invalid route name: expected "${prefix}{page}/{name}"`);
  return resolveRouteName(`/${wireName.slice(prefix.length)}`);
}
