import { isPlainObject } from './envelope';
import { ERROR_CODES, LuckyError } from './errors';
import type { Result } from './result';

/** Types an `additional` rule can demand: `typeof` names, plus `'array'`; `'object'` excludes arrays and null. */
export type AuthValueType = 'string' | 'number' | 'boolean' | 'bigint' | 'object' | 'array';

/** One `additional` rule: a session `key` and exactly one condition on its value. */
export type AuthRule =
  /** The value must be strictly equal (`===`) to `value`. */
  | { key: string; value: unknown }
  /** `nullish: false`: the value must not be null or undefined; `true`: it must be. */
  | { key: string; nullish: boolean }
  /** The value must be of this type. */
  | { key: string; type: AuthValueType }
  /** `mustBeFalsy: true`: the value must be falsy; `false`: it must be truthy. */
  | { key: string; mustBeFalsy: boolean };

/** The spec's `AuthProps`: who may call a handler. Every handler declares one; there is no default. */
export interface AuthProps {
  /** Whether the caller must be logged in (have a session with an `id`). */
  login: boolean;
  /** Further rules on the session; all must pass, and an anonymous caller fails them. */
  additional?: readonly AuthRule[];
}

const CONDITIONS = ['value', 'nullish', 'type', 'mustBeFalsy'] as const;
type Condition = (typeof CONDITIONS)[number];
const TYPES = new Set<string>(['string', 'number', 'boolean', 'bigint', 'object', 'array']);

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** Why `rule` is malformed, or undefined. Exactly one known condition; nothing else. */
function ruleProblem(rule: unknown): string | undefined {
  if (!isPlainObject(rule)) return 'a rule must be an object';
  if (!Object.hasOwn(rule, 'key') || typeof rule.key !== 'string') return 'a rule needs a string "key"';
  const keys = Object.keys(rule).filter((key) => key !== 'key');
  const condition = keys[0] as Condition;
  if (keys.length !== 1 || !CONDITIONS.includes(condition)) {
    return `rule "${rule.key}" must have exactly one of ${CONDITIONS.join(', ')}`;
  }
  const expected = rule[condition];
  if ((condition === 'nullish' || condition === 'mustBeFalsy') && typeof expected !== 'boolean') {
    return `rule "${rule.key}": ${condition} must be true or false`;
  }
  if (condition === 'type' && !TYPES.has(expected as string)) return `rule "${rule.key}": unknown type`;
  return undefined;
}

/**
 * Checks that `auth` is a well-formed {@link AuthProps}. Servers call it when a handler is registered so a
 * missing or mistyped policy is refused at load time rather than failing open at run time.
 */
export function checkAuthPolicy(auth: unknown): Result<AuthProps> {
  const invalid = (why: string) => ({
    ok: false as const,
    error: new LuckyError(ERROR_CODES.INTERNAL, `Invalid auth policy: ${why}`),
  });
  if (!isPlainObject(auth)) return invalid('`auth` must be an object like { login: true }');
  const login = Object.hasOwn(auth, 'login') ? auth.login : undefined;
  if (typeof login !== 'boolean') return invalid('`auth.login` must be true or false');
  const additional = Object.hasOwn(auth, 'additional') ? auth.additional : undefined;
  if (additional === undefined) return { ok: true, value: { login } };
  if (!Array.isArray(additional)) return invalid('`auth.additional` must be an array');
  for (const rule of additional) {
    const problem = ruleProblem(rule);
    if (problem) return invalid(problem);
  }
  return { ok: true, value: { login, additional } };
}

/** A validated rule, its condition picked out once so the per-request path only compares. */
interface CompiledRule {
  key: string;
  condition: Condition;
  expected: unknown;
  message: string;
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value === 'bigint' ? `${value}n` : Object.prototype.toString.call(value);
  }
}

function describe(key: string, condition: Condition, expected: unknown): string {
  switch (condition) {
    case 'value':
      return `${key} must equal ${show(expected)}`;
    case 'nullish':
      return `${key} must ${expected ? '' : 'not '}be null or undefined`;
    case 'type':
      return `${key} must be of type ${String(expected)}`;
    case 'mustBeFalsy':
      return `${key} must be ${expected ? 'falsy' : 'truthy'}`;
  }
}

function compileRule(rule: AuthRule): CompiledRule {
  const record = rule as unknown as Record<string, unknown>;
  const condition = CONDITIONS.find((name) => Object.hasOwn(record, name)) as Condition;
  const expected = record[condition];
  return {
    key: rule.key,
    condition,
    expected,
    message: `Forbidden: ${describe(rule.key, condition, expected)}`,
  };
}

function passes(rule: CompiledRule, session: Record<string, unknown>): boolean {
  const value = Object.hasOwn(session, rule.key) ? session[rule.key] : undefined;
  switch (rule.condition) {
    case 'value':
      return value === rule.expected;
    case 'nullish':
      return (value === null || value === undefined) === rule.expected;
    case 'type':
      return typeOf(value) === rule.expected;
    case 'mustBeFalsy':
      return !value === rule.expected;
  }
}

/** Whether `session` belongs to a logged-in user: an object with an own, non-null `id`. */
export function isLoggedIn(session: unknown): session is Record<string, unknown> & { id: unknown } {
  return (
    typeof session === 'object' &&
    session !== null &&
    Object.hasOwn(session, 'id') &&
    (session as { id: unknown }).id != null
  );
}

/** A compiled {@link AuthProps}: applies the policy to a caller's session (null when anonymous). */
export type AuthCheck = (session: unknown) => Result<true>;

const PASS: Result<true> = { ok: true, value: true };

/**
 * Validates an {@link AuthProps} once and returns the check to run per request; servers compile every
 * handler's policy at load time. The check answers UNAUTHORIZED when a login is missing and FORBIDDEN
 * naming the first failed rule; it never throws and reads only the session's own properties.
 */
export function compileAuth(auth: unknown): Result<AuthCheck> {
  const policy = checkAuthPolicy(auth);
  if (!policy.ok) return policy;
  const login = policy.value.login;
  const rules = (policy.value.additional ?? []).map(compileRule);
  const check: AuthCheck = (session) => {
    if (!isLoggedIn(session)) {
      return login || rules.length > 0
        ? { ok: false, error: new LuckyError(ERROR_CODES.UNAUTHORIZED, 'Login required') }
        : PASS;
    }
    for (const rule of rules) {
      if (!passes(rule, session))
        return { ok: false, error: new LuckyError(ERROR_CODES.FORBIDDEN, rule.message) };
    }
    return PASS;
  };
  return { ok: true, value: check };
}

/**
 * Applies an {@link AuthProps} to a caller's session in one go (see {@link compileAuth}); a malformed
 * policy fails closed with FORBIDDEN.
 */
export function checkAuth(auth: AuthProps, session: unknown): Result<true> {
  const compiled = compileAuth(auth);
  if (!compiled.ok)
    return { ok: false, error: new LuckyError(ERROR_CODES.FORBIDDEN, compiled.error.message) };
  return compiled.value(session);
}
